using Winyx.Backup.Jobs;

namespace Winyx.Backup.Health;

/// <summary>The job's outcome so far, replaced whole on every attempt.</summary>
/// <param name="LastSuccess">The newest successful backup, or null.</param>
/// <param name="LastError">Why the last attempt failed, or null when it succeeded (or none finished).</param>
/// <param name="LastAttemptAt">When the last attempt finished, or null before the first did.</param>
public sealed record BackupState(BackupResult? LastSuccess, string? LastError, DateTimeOffset? LastAttemptAt)
{
    /// <summary>No attempt has finished yet.</summary>
    public static BackupState Initial { get; } = new(null, null, null);
}
