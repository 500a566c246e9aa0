using Microsoft.AspNetCore.Http;

namespace Winyx.ServiceDefaults.Telemetry;

/// <summary>
/// The infrastructure endpoints that <c>MapDefaultEndpoints</c> serves. Probes and scrapes hit them
/// every few seconds, so they are kept out of traces, access logs and the request metrics: they
/// would otherwise drown the real traffic and skew error ratios and latency percentiles.
/// </summary>
public static class DefaultEndpointPaths
{
    /// <summary>Readiness: every health check.</summary>
    public const string Health = "/health";

    /// <summary>Liveness: only the checks tagged <c>live</c>.</summary>
    public const string Alive = "/alive";

    /// <summary>Prometheus scrape endpoint.</summary>
    public const string Metrics = "/metrics";

    /// <summary>True when <paramref name="path"/> is one of the infrastructure endpoints.</summary>
    public static bool IsInfrastructure(PathString path) =>
        path.StartsWithSegments(Health)
        || path.StartsWithSegments(Alive)
        || path.StartsWithSegments(Metrics);
}
