using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Winyx.Hosting.Health;

/// <summary>The answer of one probe.</summary>
/// <param name="Status">Healthy, Degraded or Unhealthy.</param>
/// <param name="Description">Why, when not healthy.</param>
public sealed record HealthProbeResult(HealthStatus Status, string? Description = null)
{
    /// <summary>A healthy answer.</summary>
    public static HealthProbeResult Healthy { get; } = new(HealthStatus.Healthy);

    /// <summary>An unhealthy answer saying why.</summary>
    public static HealthProbeResult Unhealthy(string description) => new(HealthStatus.Unhealthy, description);
}
