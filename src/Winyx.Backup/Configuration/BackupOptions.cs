namespace Winyx.Backup.Configuration;

/// <summary>The backup job's settings (configuration section <c>Backup</c>).</summary>
public sealed class BackupOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Backup";

    /// <summary>
    /// Where <c>db_backup_&lt;yyyyMMddTHHmmssZ&gt;.sql.gz</c> files go (required; a relative path is
    /// taken from the content root).
    /// </summary>
    public string? Directory { get; set; }

    /// <summary>The node exporter's textfile collector directory, where <c>backup.prom</c> is written (required).</summary>
    public string? TextfileDirectory { get; set; }

    /// <summary>
    /// Time from the newest successful backup (scheduled or manual) to the next scheduled one; the
    /// first runs at start.
    /// </summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How often the newest backup on disk is re-read and the metrics rewritten from it, so a backup
    /// truncated or deleted after it was written shows in BackupTooSmall/BackupTooOld.
    /// </summary>
    public TimeSpan VerifyInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many backups to keep, newest first (at least 1).</summary>
    public int Retain { get; set; } = 7;

    /// <summary>The smallest acceptable backup in bytes, exported as <c>backup_min_size_bytes</c> for BackupTooSmall.</summary>
    public long MinimumSize { get; set; } = 256;

    /// <summary>The <c>type</c> label of the metrics (the alert rules keep one series per backup type).</summary>
    public string Type { get; set; } = "database";
}
