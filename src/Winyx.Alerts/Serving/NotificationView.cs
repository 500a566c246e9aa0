using Winyx.Alerts.Storage;

namespace Winyx.Alerts.Serving;

/// <summary>A notification as <c>GET /api/notifications</c> serves it (the DESIGN contract, exactly).</summary>
public sealed record NotificationView(DateTimeOffset ReceivedAt, string Receiver, string Status, IReadOnlyList<NotificationAlertView> Alerts)
{
    /// <summary>The view of <paramref name="notification"/>.</summary>
    public static NotificationView Of(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return new(notification.ReceivedAt, notification.Receiver, notification.Status, [.. notification.Alerts.Select(NotificationAlertView.Of)]);
    }
}
