using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Winyx.ServiceDefaults.AccessLog;
using Microsoft.Extensions.Configuration;
using Winyx.ServiceDefaults.Metrics;
using Winyx.ServiceDefaults.Telemetry;

namespace Winyx.ServiceDefaults.Hosting;

/// <summary>
/// Puts the access log and the request metrics in front of the application's own pipeline, so they see
/// every request and its final status (exception handlers included) whatever order the service
/// registers its middleware in.
/// </summary>
internal sealed class ServiceDefaultsStartupFilter(IConfiguration configuration) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<AccessLogMiddleware>();
        if (TelemetryExtensions.MetricsEnabled(configuration))
        {
            app.UseMiddleware<HttpMetricsMiddleware>();
        }

        next(app);
    };
}
