using Winyx.Backup.Jobs;

namespace Winyx.Backup.Health;

/// <summary>
/// The outcome of the backup attempts, shared by the runner that records it and the health check
/// that reads it. One immutable <see cref="BackupState"/> is swapped whole, so a reader never sees
/// a success paired with a stale error.
/// </summary>
public sealed class BackupStatus
{
    private volatile BackupState _current = BackupState.Initial;

    /// <summary>The state now.</summary>
    public BackupState Current => _current;

    /// <summary>Records a successful backup.</summary>
    public void Succeeded(BackupResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        _current = new BackupState(result, null, result.FinishedAt);
    }

    /// <summary>Records a failed attempt; the newest success stays known.</summary>
    public void Failed(string error, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        _current = _current with { LastError = error, LastAttemptAt = at };
    }
}
