using System.Globalization;
using Aspire.Hosting.ApplicationModel;

namespace Winyx.AppHost;

/// <summary>How the operations apps are wired: Winyx.Alerts' sources (the backup job's schedule is Winyx.Hosting's <c>WithBackupSchedule</c>).</summary>
internal static class OperationsResourceExtensions
{
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
}
