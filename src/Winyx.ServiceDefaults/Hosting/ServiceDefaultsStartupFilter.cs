using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Winyx.ServiceDefaults.AccessLog;
using Winyx.ServiceDefaults.Metrics;

namespace Winyx.ServiceDefaults.Hosting;

/// <summary>
/// Puts the access log and the request metrics in front of the application's own pipeline, so they see
/// every request and its final status (exception handlers included) whatever order the service
/// registers its middleware in.
/// </summary>
internal sealed class ServiceDefaultsStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<AccessLogMiddleware>();
        app.UseMiddleware<HttpMetricsMiddleware>();
        next(app);
    };
}
