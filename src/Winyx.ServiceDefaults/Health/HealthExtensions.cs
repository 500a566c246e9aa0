using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Winyx.ServiceDefaults.Telemetry;

namespace Winyx.ServiceDefaults.Health;

/// <summary>Readiness and liveness endpoints.</summary>
public static class HealthExtensions
{
    /// <summary>The tag of checks that <c>/alive</c> runs.</summary>
    public const string LiveTag = "live";

    /// <summary>
    /// Adds the <c>self</c> liveness check. Services add their dependencies with
    /// <c>builder.Services.AddHealthChecks().AddCheck&lt;MySqlHealthCheck&gt;("mysql")</c>.
    /// </summary>
    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        return builder;
    }

    /// <summary>
    /// Maps <c>/health</c> (every check: 200 when Healthy or Degraded, 503 when Unhealthy) and
    /// <c>/alive</c> (only checks tagged <c>live</c>), both answering JSON. Unlike Aspire's template they
    /// are mapped in every environment: the Winyx AppHost, Prometheus-side probes and load balancers use
    /// them in production too, and the JSON carries statuses and descriptions, never secrets.
    /// </summary>
    public static WebApplication MapHealthEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(DefaultEndpointPaths.Health, Options(_ => true));
        app.MapHealthChecks(DefaultEndpointPaths.Alive, Options(check => check.Tags.Contains(LiveTag)));
        return app;
    }

    private static HealthCheckOptions Options(Func<HealthCheckRegistration, bool> predicate) => new()
    {
        Predicate = predicate,
        ResponseWriter = HealthReportWriter.WriteAsync,
        ResultStatusCodes =
        {
            [HealthStatus.Healthy] = StatusCodes.Status200OK,
            [HealthStatus.Degraded] = StatusCodes.Status200OK,
            [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
        },
    };
}
