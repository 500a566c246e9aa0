using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Winyx.ServiceDefaults.AccessLog;
using Winyx.ServiceDefaults.Chaos;
using Winyx.ServiceDefaults.Discovery;
using Winyx.ServiceDefaults.Health;
using Winyx.ServiceDefaults.Hosting;
using Winyx.ServiceDefaults.Logging;
using Winyx.ServiceDefaults.Metrics;
using Winyx.ServiceDefaults.Telemetry;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The Winyx service defaults, a superset of .NET Aspire's ServiceDefaults template: OpenTelemetry,
/// Prometheus <c>/metrics</c>, health endpoints, service discovery and resilience, Serilog JSON logging
/// with files and a record counter, the access log and the chaos (fault-injection) switch. See the
/// project's README for the settings.
/// </summary>
public static class Extensions
{
    /// <summary>Adds the Winyx service defaults.</summary>
    /// <example>
    /// <code>
    /// var builder = WebApplication.CreateBuilder(args);
    /// builder.AddServiceDefaults();
    /// var app = builder.Build();
    /// app.MapDefaultEndpoints();
    /// </code>
    /// </example>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddServiceDefaultsLogging();
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.AddServiceDiscoveryDefaults();
        builder.AddChaos();

        builder.Services.AddOptions<AccessLogOptions>().BindConfiguration(AccessLogOptions.SectionName);
        builder.Services.TryAddSingleton<HttpMetrics>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Transient<IStartupFilter, ServiceDefaultsStartupFilter>());
        return builder;
    }

    /// <summary>
    /// Maps <c>/health</c>, <c>/alive</c> and <c>/metrics</c>, in every environment, and <c>/admin/chaos</c>
    /// when <c>Chaos:Enabled</c> is true.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthEndpoints();
        if (TelemetryExtensions.MetricsEnabled(app.Configuration))
        {
            app.MapPrometheusScrapingEndpoint(DefaultEndpointPaths.Metrics);
        }

        app.MapChaosAdmin();
        return app;
    }
}
