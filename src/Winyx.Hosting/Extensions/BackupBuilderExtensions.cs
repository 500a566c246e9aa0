using Winyx.Hosting.ApplicationModel;
using Winyx.Hosting.Backup;
using Winyx.Hosting.Orchestrator;
using Winyx.Hosting.Processes;

namespace Winyx.Hosting;

/// <summary><c>AddMySqlBackup</c>: scheduled, compressed, rotated database backups with alertable metrics.</summary>
public static class BackupBuilderExtensions
{
    /// <summary>The shortest interval between backups, whatever <c>--time-scale</c> says.</summary>
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Adds a backup job for <paramref name="database"/>: once the database is ready, then every
    /// interval (24 h divided by <c>--time-scale</c>), <c>mariadb-dump</c> (application user) to
    /// <c>.winyx/backups/db_backup_&lt;UTC time&gt;.sql.gz</c>, keeping the newest 7, and the
    /// metrics of <c>monitoring/prometheus/rules/backup.yml</c> in the node exporter's textfile
    /// directory (<c>WithTextfileDirectory()</c> on the node exporter exports them).
    /// </summary>
    /// <example><code>builder.AddMySqlBackup("backup", userdb);</code></example>
    public static IResourceBuilder<MySqlBackupResource> AddMySqlBackup(this IDistributedApplicationBuilder builder, string name, IResourceBuilder<MySqlDatabaseResource> database)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(database);
        var backup = new MySqlBackupResource(name, database.Resource);
        return builder.AddResource(backup)
            .WithAnnotation(new ResourceRelationshipAnnotation(database.Resource, ResourceRelationshipAnnotation.Reference))
            .WaitFor(database)
            .WithHealthCheck("backup", new BackupHealthProbe(backup.Status))
            .WithAnnotation(new InstallHintAnnotation(InstallHints.ForPackage("mariadb-client")))
            .WithAnnotation(new JobLaunchAnnotation((context, log) => new MySqlBackupRunner(CreateOptions(backup, context, log), backup.Status), "mariadb-dump"));
    }

    /// <summary>Keeps the newest <paramref name="count"/> backups (default 7).</summary>
    public static IResourceBuilder<MySqlBackupResource> WithRetention(this IResourceBuilder<MySqlBackupResource> builder, int count)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        builder.Resource.Retain = count;
        return builder;
    }

    /// <summary>Backs up every <paramref name="interval"/> at production timings (default 24 h).</summary>
    public static IResourceBuilder<MySqlBackupResource> WithInterval(this IResourceBuilder<MySqlBackupResource> builder, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        builder.Resource.Interval = interval;
        return builder;
    }

    /// <summary>Exports <paramref name="bytes"/> as <c>backup_min_size_bytes</c> (default 256 bytes; see <see cref="MySqlBackupResource.MinimumSize"/>).</summary>
    public static IResourceBuilder<MySqlBackupResource> WithMinimumSize(this IResourceBuilder<MySqlBackupResource> builder, long bytes)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        builder.Resource.MinimumSize = bytes;
        return builder;
    }

    /// <summary>The interval under a time scale: divided by it, never below <see cref="MinimumInterval"/>.</summary>
    public static TimeSpan ScaledInterval(TimeSpan interval, double timeScale) =>
        TimeSpan.FromTicks(Math.Max((long)(interval.Ticks / Math.Max(timeScale, 1)), MinimumInterval.Ticks));

    private static MySqlBackupOptions CreateOptions(MySqlBackupResource backup, ResourceLaunchContext context, JobLog log)
    {
        var server = backup.Database.Parent;
        var execution = context.ExecutionContext;
        return new MySqlBackupOptions(
            backup.Database.DatabaseName,
            Path.GetFullPath(Path.Combine(execution.DataRoot, backup.BackupDirectory)),
            Path.GetFullPath(Path.Combine(execution.DataRoot, backup.TextfileDirectory)))
        {
            Host = server.PrimaryEndpoint.Host,
            Port = server.PrimaryEndpoint.Port,
            User = server.UserName,
            Password = server.Password.Value,
            Retain = backup.Retain,
            Interval = ScaledInterval(backup.Interval, execution.TimeScale),
            MinimumSize = backup.MinimumSize,
            Log = log,
        };
    }
}
