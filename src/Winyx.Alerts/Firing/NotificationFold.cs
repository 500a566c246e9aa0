using Winyx.Alerts.Storage;

namespace Winyx.Alerts.Firing;

/// <summary>
/// Derives the alerts firing now from the notification history: per alert (fingerprint, else label
/// set) the latest status received decides; the receivers are those notified of the current
/// occurrence (same <c>startsAt</c>).
/// </summary>
public static class NotificationFold
{
    /// <summary>The alerts whose latest notification says firing, oldest first.</summary>
    public static IReadOnlyList<FiringAlert> Firing(IEnumerable<Notification> notificationsOldestFirst)
    {
        ArgumentNullException.ThrowIfNull(notificationsOldestFirst);
        var latest = new Dictionary<string, (NotificationAlert Alert, HashSet<string> Receivers)>(StringComparer.Ordinal);
        foreach (var notification in notificationsOldestFirst)
        {
            foreach (var alert in notification.Alerts)
            {
                var receivers = latest.TryGetValue(alert.Identity, out var known) && known.Alert.StartsAt == alert.StartsAt
                    ? known.Receivers
                    : new HashSet<string>(StringComparer.Ordinal);
                if (alert.Status == "firing")
                {
                    receivers.Add(notification.Receiver);
                }

                latest[alert.Identity] = (alert, receivers);
            }
        }

        return
        [
            .. latest.Values
                .Where(entry => entry.Alert.Status == "firing")
                .OrderBy(entry => entry.Alert.StartsAt)
                .Select(entry => new FiringAlert(entry.Alert.Alertname, entry.Alert.Labels, entry.Alert.Annotations, entry.Alert.StartsAt)
                {
                    Sources = [AlertSource.Webhook],
                    Receivers = [.. entry.Receivers.Order(StringComparer.Ordinal)],
                    GeneratorUrl = entry.Alert.GeneratorUrl,
                }),
        ];
    }
}
