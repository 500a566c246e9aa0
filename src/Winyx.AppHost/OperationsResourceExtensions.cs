using System.Globalization;
using Aspire.Hosting.ApplicationModel;

namespace Winyx.AppHost;

/// <summary>How the operations apps are wired: Winyx.Alerts' sources and the backup job's schedule.</summary>
internal static class OperationsResourceExtensions
{
    // The shortest interval between backups, whatever --time-scale says: a dump takes a moment.
    private static readonly TimeSpan MinimumBackupInterval = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan ProductionBackupInterval = TimeSpan.FromHours(24);

    /// <summary>
    /// Winyx.Alerts' configuration: its data directory, the webhook token Alertmanager presents,
    /// the Grafana dashboards it renders, the scrape interval (for <c>$__rate_interval</c>), and
    /// Prometheus and Alertmanager through service discovery. Alertmanager's webhook points back at it.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithAlertSources(
        this IResourceBuilder<ProjectResource> alerts,
        IResourceBuilder<PrometheusResource> prometheus,
        IResourceBuilder<AlertmanagerResource> alertmanager,
        IResourceBuilder<ParameterResource> webhookToken,
        string dashboardsDirectory)
    {
        var builder = alerts.ApplicationBuilder;
        var scale = new MonitoringTimeScale(builder.GetWinyxOptions().TimeScale);
        alertmanager.WithWebhook(alerts, "/api/alertmanager/webhook", webhookToken);
        return alerts
            .WithEnvironment("Alerts__DataDirectory", builder.GetDataDirectory(alerts.Resource.Name))
            .WithEnvironment("Alerts__WebhookToken", webhookToken)
            .WithEnvironment("Alerts__DashboardsDirectory", Path.GetFullPath(dashboardsDirectory, builder.AppHostDirectory))
            .WithEnvironment("Alerts__ScrapeInterval", scale.ScrapeInterval.ToString("c", CultureInfo.InvariantCulture))
            .WithReference(prometheus)
            .WithReference(alertmanager);
    }

    /// <summary>
    /// The backup job's schedule and places: backups under <c>&lt;data dir&gt;/backups</c>, metrics
    /// into the node exporter's textfile directory, every 24 h divided by <c>--time-scale</c> (at
    /// least 10 s), and a "Back up now" command in the dashboard.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithBackupSchedule(this IResourceBuilder<ProjectResource> backup, IResourceBuilder<NodeExporterResource> nodeExporter)
    {
        var builder = backup.ApplicationBuilder;
        var scaled = TimeSpan.FromTicks((long)(ProductionBackupInterval.Ticks / builder.GetWinyxOptions().TimeScale));
        var interval = scaled < MinimumBackupInterval ? MinimumBackupInterval : scaled;
        var textfiles = nodeExporter.Resource.TextfileDirectory
            ?? throw new InvalidOperationException($"{nodeExporter.Resource.Name} has no textfile directory: call WithTextfileDirectory() first.");
        return backup
            .WithEnvironment("Backup__Directory", builder.GetDataDirectory("backups"))
            .WithEnvironment("Backup__TextfileDirectory", textfiles)
            .WithEnvironment("Backup__Interval", interval.ToString("c", CultureInfo.InvariantCulture))
            .WithRelationship(nodeExporter.Resource, "Metrics")
            .WithHttpCommand("/api/backups", "Back up now", commandName: "backup-now", commandOptions: new HttpCommandOptions
            {
                Method = HttpMethod.Post,
                IconName = "DatabaseArrowDown",
            });
    }
}
