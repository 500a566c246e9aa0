namespace Winyx.Hosting.Health;

/// <summary>One way of asking a running resource whether it is healthy (HTTP, TCP, a command).</summary>
public interface IHealthProbe
{
    /// <summary>What the probe does, e.g. <c>GET /health on http</c>.</summary>
    string Description { get; }

    /// <summary>Probes one copy of the resource. Exceptions count as unhealthy.</summary>
    Task<HealthProbeResult> ProbeAsync(HealthProbeContext context, CancellationToken cancellationToken);
}
