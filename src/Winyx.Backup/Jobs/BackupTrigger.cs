namespace Winyx.Backup.Jobs;

/// <summary>What started a backup, for the log.</summary>
public enum BackupTrigger
{
    /// <summary>The schedule: at start, then an interval after the newest successful backup.</summary>
    Scheduled,

    /// <summary><c>POST /api/backups</c> (the dashboard's "Back up now").</summary>
    Manual,
}
