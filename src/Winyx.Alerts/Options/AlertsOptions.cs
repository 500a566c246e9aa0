using System.ComponentModel.DataAnnotations;

namespace Winyx.Alerts.Options;

/// <summary>The <c>Alerts</c> configuration section.</summary>
public sealed class AlertsOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Alerts";

    /// <summary>
    /// The folder holding the notification history (required; the AppHost passes a folder under its
    /// data directory). Created when missing.
    /// </summary>
    [Required(ErrorMessage = "Alerts:DataDirectory is required: the folder where notifications are kept.")]
    public string DataDirectory { get; set; } = string.Empty;

    /// <summary>
    /// The bearer token Alertmanager must send to the webhook (env <c>Alerts__WebhookToken</c>). When it
    /// is not set every webhook call is refused: an open webhook would let anyone forge alerts.
    /// </summary>
    public string? WebhookToken { get; set; }

    /// <summary>How many notifications are kept; the oldest are dropped past it.</summary>
    [Range(1, 10_000_000)]
    public int MaxNotifications { get; set; } = 10_000;

    /// <summary>The Grafana dashboard JSON files to render (<c>monitoring/grafana/dashboards</c>); none when unset.</summary>
    public string? DashboardsDirectory { get; set; }

    /// <summary>
    /// Prometheus' scrape interval, for Grafana's <c>$__rate_interval</c> (at least four scrape intervals);
    /// the AppHost sets it when it compresses time.
    /// </summary>
    public TimeSpan ScrapeInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Only loopback clients may read the pages and the read APIs (like Prometheus' UI on 127.0.0.1);
    /// the webhook is guarded by its token instead.
    /// </summary>
    public bool LoopbackOnly { get; set; } = true;
}
