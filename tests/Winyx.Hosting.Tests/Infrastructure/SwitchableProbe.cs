using Winyx.Hosting.Health;

namespace Winyx.Hosting.Tests.Infrastructure;

/// <summary>A health probe the test turns healthy or unhealthy.</summary>
internal sealed class SwitchableProbe : IHealthProbe
{
    private volatile bool _healthy;

    public string Description => "switch";

    public void Set(bool healthy) => _healthy = healthy;

    public Task<HealthProbeResult> ProbeAsync(HealthProbeContext context, CancellationToken cancellationToken) =>
        Task.FromResult(_healthy ? HealthProbeResult.Healthy : HealthProbeResult.Unhealthy("switched off"));
}
