using Winyx.Hosting.Orchestrator;

namespace Winyx.Hosting.Backup;

/// <summary>Everything one <see cref="MySqlBackupRunner"/> needs, fully resolved (port, password, paths).</summary>
/// <param name="Database">The database to dump.</param>
/// <param name="BackupDirectory">Where <c>db_backup_&lt;UTC time&gt;.sql.gz</c> files go.</param>
/// <param name="TextfileDirectory">The node exporter's textfile directory (<c>backup.prom</c>).</param>
public sealed record MySqlBackupOptions(string Database, string BackupDirectory, string TextfileDirectory)
{
    /// <summary>The server's host.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>The server's port.</summary>
    public int Port { get; init; } = 3306;

    /// <summary>The account that dumps (needs SELECT, SHOW VIEW, TRIGGER on the database).</summary>
    public string User { get; init; } = "root";

    /// <summary>Its password: handed to <c>mariadb-dump</c> in <c>MYSQL_PWD</c>, never on the command line.</summary>
    public string Password { get; init; } = string.Empty;

    /// <summary>The <c>type</c> label of the metrics.</summary>
    public string Type { get; init; } = "database";

    /// <summary>How many backups to keep (newest first).</summary>
    public int Retain { get; init; } = 7;

    /// <summary>Time between backups (the first runs at start).</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromHours(24);

    /// <summary>The minimum size exported as <c>backup_min_size_bytes</c> (BackupTooSmall compares with it).</summary>
    public long MinimumSize { get; init; } = 256;

    /// <summary>Where the runner's lines (and the dump's errors) go.</summary>
    public JobLog Log { get; init; } = JobLog.None;
}
