using Winyx.Hosting.Health;

namespace Winyx.Hosting.Backup;

/// <summary>Healthy after a successful backup, unhealthy while the last attempt failed (or none ran yet).</summary>
/// <param name="Status">The job's status.</param>
public sealed record BackupHealthProbe(BackupStatus Status) : IHealthProbe
{
    /// <inheritdoc />
    public string Description => "last backup succeeded";

    /// <inheritdoc />
    public Task<HealthProbeResult> ProbeAsync(HealthProbeContext context, CancellationToken cancellationToken) =>
        Task.FromResult(Status.ToHealth());
}
