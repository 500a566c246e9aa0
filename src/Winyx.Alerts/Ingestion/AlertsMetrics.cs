using System.Diagnostics.Metrics;
using Winyx.Alerts.Storage;

namespace Winyx.Alerts.Ingestion;

/// <summary>
/// The app's own instruments (meter <c>Winyx.Alerts</c>, on <c>/metrics</c> through the service
/// defaults): what arrived, what was refused and how late it came.
/// </summary>
public sealed class AlertsMetrics
{
    /// <summary>The meter name.</summary>
    public const string MeterName = "Winyx.Alerts";

    private readonly Counter<long> _notifications;
    private readonly Counter<long> _alerts;
    private readonly Counter<long> _rejected;
    private readonly Histogram<double> _delay;

    /// <summary>Creates the instruments; <paramref name="store"/> feeds the stored-notifications gauge.</summary>
    public AlertsMetrics(IMeterFactory meterFactory, NotificationStore store)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(store);
        var meter = meterFactory.Create(MeterName);
        _notifications = meter.CreateCounter<long>("alerts_notifications_received", description: "Alertmanager webhook notifications stored, by receiver and group status.");
        _alerts = meter.CreateCounter<long>("alerts_alerts_received", description: "Alerts inside the stored notifications, by receiver and alert status.");
        _rejected = meter.CreateCounter<long>("alerts_webhook_rejected", description: "Webhook calls refused, by reason (unauthorized, malformed, invalid).");
        _delay = meter.CreateHistogram<double>(
            "alerts_notification_delay",
            unit: "s",
            description: "From an alert's startsAt to the app receiving its first firing notification.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 2, 5, 10, 20, 30, 60, 120, 300, 600] });
        meter.CreateObservableGauge("alerts_notifications_stored", () => store.Count, description: "Notifications kept in the bounded history.");
    }

    /// <summary>Counts a stored notification and its alerts.</summary>
    public void Received(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        _notifications.Add(1, new("receiver", notification.Receiver), new("status", notification.Status));
        foreach (var alert in notification.Alerts)
        {
            _alerts.Add(1, new("receiver", notification.Receiver), new("status", alert.Status));
        }
    }

    /// <summary>Records how long after it started a firing alert was first notified.</summary>
    public void FirstNotified(NotificationAlert alert, string receiver, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(alert);
        _delay.Record(Math.Max(0, (now - alert.StartsAt).TotalSeconds), new KeyValuePair<string, object?>("receiver", receiver));
    }

    /// <summary>Counts a refused webhook call.</summary>
    public void Rejected(string reason) => _rejected.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
