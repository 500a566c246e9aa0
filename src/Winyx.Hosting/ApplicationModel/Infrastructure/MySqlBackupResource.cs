using Winyx.Hosting.Backup;

namespace Winyx.Hosting.ApplicationModel;

/// <summary>
/// A scheduled backup of a <see cref="MySqlDatabaseResource"/> run inside the AppHost by a
/// <see cref="MySqlBackupRunner"/>: Running while its loop runs, healthy after a successful backup.
/// </summary>
public sealed class MySqlBackupResource : Resource, IResourceWithWaitSupport
{
    /// <summary>Creates the resource.</summary>
    public MySqlBackupResource(string name, MySqlDatabaseResource database)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(database);
        Database = database;
    }

    /// <summary>The database backed up.</summary>
    public MySqlDatabaseResource Database { get; }

    /// <summary>How many backups are kept.</summary>
    public int Retain { get; set; } = 7;

    /// <summary>Time between backups at production timings (divided by <c>--time-scale</c>, at least 10 s).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// The minimum size exported as <c>backup_min_size_bytes</c> (default 256 bytes). The rule's
    /// own default without this series stays the seed's 10 MiB, but the sample database is tiny:
    /// measured with mariadb-dump 10.11, gzip-compressed, the empty <c>userdb</c> (the first backup
    /// may run before UserRpc migrates it) dumps to about 515 bytes of header and the migrated one
    /// to about 970, so even 1 KiB would alert on a healthy fleet. 256 bytes still catches an empty
    /// or truncated file (a gzip of nothing is about 20 bytes); raise it for real data.
    /// </summary>
    public long MinimumSize { get; set; } = 256;

    /// <summary>The backup directory, relative to the data root (<c>.winyx/</c>) unless absolute.</summary>
    public string BackupDirectory { get; set; } = "backups";

    /// <summary>The node exporter textfile directory the metrics go to, relative to the data root unless absolute.</summary>
    public string TextfileDirectory { get; set; } = NodeExporterResource.DefaultTextfileDirectory;

    /// <summary>The outcome of the attempts so far (feeds the health check).</summary>
    public BackupStatus Status { get; } = new();
}
