using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Winyx.Hosting.Configuration;
using Winyx.Hosting.Exporters;

namespace Winyx.Hosting.Backup;

/// <summary><c>WithBackupSchedule</c>: how the AppHost wires the backup job (Winyx.Backup).</summary>
public static class BackupBuilderExtensions
{
    /// <summary>
    /// The backup job's schedule and places: backups under <c>&lt;data dir&gt;/backups</c>, metrics
    /// into the node exporter's textfile directory, a backup every 24 h divided by
    /// <c>--time-scale</c> (at least 10 s) and at most 24/25 of a
    /// <c>--alert-threshold BackupTooOld[:warning]=T</c> (the seed's daily backups against a 25 h
    /// alert; see <see cref="BackupSchedule"/>), the newest backup re-checked every minute divided by
    /// <c>--time-scale</c> (at least 1 s), and a "Back up now" command in the dashboard.
    /// </summary>
    /// <exception cref="InvalidOperationException">The node exporter has no textfile directory.</exception>
    /// <exception cref="DistributedApplicationException">A BackupTooOld override leaves less than 10 s between backups.</exception>
    /// <example><code>builder.AddProject&lt;Projects.Winyx_Backup&gt;("backup").WithBackupSchedule(nodeExporter);</code></example>
    public static IResourceBuilder<T> WithBackupSchedule<T>(this IResourceBuilder<T> backup, IResourceBuilder<NodeExporterResource> nodeExporter)
        where T : IResourceWithEnvironment, IResourceWithEndpoints
    {
        ArgumentNullException.ThrowIfNull(backup);
        ArgumentNullException.ThrowIfNull(nodeExporter);
        var builder = backup.ApplicationBuilder;
        var schedule = BackupSchedule.For(builder.GetWinyxOptions());
        var textfiles = nodeExporter.Resource.TextfileDirectory
            ?? throw new InvalidOperationException($"{nodeExporter.Resource.Name} has no textfile directory: call WithTextfileDirectory() first.");
        return backup
            .WithEnvironment("Backup__Directory", builder.GetDataDirectory("backups"))
            .WithEnvironment("Backup__TextfileDirectory", textfiles)
            .WithEnvironment("Backup__Interval", schedule.Interval.ToString("c", CultureInfo.InvariantCulture))
            .WithEnvironment("Backup__VerifyInterval", schedule.VerifyInterval.ToString("c", CultureInfo.InvariantCulture))
            .WithRelationship(nodeExporter.Resource, "Metrics")
            .WithHttpCommand("/api/backups", "Back up now", commandName: "backup-now", commandOptions: new HttpCommandOptions
            {
                Method = HttpMethod.Post,
                IconName = "DatabaseArrowDown",
            });
    }
}
