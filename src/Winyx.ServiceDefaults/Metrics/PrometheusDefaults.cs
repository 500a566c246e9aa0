using OpenTelemetry.Exporter;
using Winyx.ServiceDefaults.Telemetry;

namespace Winyx.ServiceDefaults.Metrics;

/// <summary>How <c>/metrics</c> renders OpenTelemetry instruments as Prometheus text.</summary>
internal static class PrometheusDefaults
{
    public static void Configure(PrometheusAspNetCoreOptions options)
    {
        options.ScrapeEndpointPath = DefaultEndpointPaths.Metrics;
    }
}
