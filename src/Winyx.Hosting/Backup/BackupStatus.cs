using Winyx.Hosting.Health;

namespace Winyx.Hosting.Backup;

/// <summary>
/// The outcome of a backup job's attempts, shared between the runner and its health probe:
/// healthy once a backup succeeded and the last attempt did not fail.
/// </summary>
public sealed class BackupStatus
{
    private volatile Outcome _last = new(null, 0, "no backup yet");

    /// <summary>When the newest successful backup finished, or null.</summary>
    public DateTimeOffset? LastSuccess => _last.LastSuccess;

    /// <summary>The size of the newest successful backup.</summary>
    public long LastSize => _last.LastSize;

    /// <summary>Why the last attempt failed, or null when it succeeded.</summary>
    public string? LastError => _last.Error;

    /// <summary>Records a successful backup.</summary>
    public void Succeeded(DateTimeOffset at, long size) => _last = new Outcome(at, size, null);

    /// <summary>Records a failed attempt (the newest success stays known).</summary>
    public void Failed(string error) => _last = _last with { Error = error };

    /// <summary>The health this status means.</summary>
    public HealthProbeResult ToHealth() =>
        _last is { LastSuccess: not null, Error: null } ? HealthProbeResult.Healthy : HealthProbeResult.Unhealthy(_last.Error ?? "no backup yet");

    private sealed record Outcome(DateTimeOffset? LastSuccess, long LastSize, string? Error);
}
