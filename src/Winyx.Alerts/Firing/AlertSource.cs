namespace Winyx.Alerts.Firing;

/// <summary>The names of the places a firing alert is known from.</summary>
public static class AlertSource
{
    /// <summary>A notification Alertmanager sent to the webhook (the stored history).</summary>
    public const string Webhook = "webhook";

    /// <summary>Prometheus' <c>/api/v1/alerts</c>.</summary>
    public const string Prometheus = "prometheus";

    /// <summary>Alertmanager's <c>/api/v2/alerts</c>.</summary>
    public const string Alertmanager = "alertmanager";
}
