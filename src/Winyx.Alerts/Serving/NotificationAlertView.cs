using Winyx.Alerts.Storage;

namespace Winyx.Alerts.Serving;

/// <summary>An alert of a <see cref="NotificationView"/>.</summary>
public sealed record NotificationAlertView(
    string Alertname,
    string Status,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    DateTimeOffset StartsAt,
    DateTimeOffset? EndsAt)
{
    /// <summary>The view of <paramref name="alert"/>.</summary>
    public static NotificationAlertView Of(NotificationAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return new(alert.Alertname, alert.Status, alert.Labels, alert.Annotations, alert.StartsAt, alert.EndsAt);
    }
}
