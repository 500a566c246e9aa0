namespace Winyx.Alerts.Storage;

/// <summary>Which notifications to return; every criterion left null matches everything.</summary>
public sealed record NotificationQuery
{
    /// <summary>Everything.</summary>
    public static readonly NotificationQuery All = new();

    /// <summary>Received at or after this instant.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Received before this instant.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>Holding at least one alert with this <c>alertname</c>.</summary>
    public string? Alertname { get; init; }

    /// <summary>Sent to this receiver.</summary>
    public string? Receiver { get; init; }

    /// <summary>With this group status (<c>firing</c>, <c>resolved</c>).</summary>
    public string? Status { get; init; }

    /// <summary>Whether <paramref name="notification"/> matches.</summary>
    public bool Matches(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return (Since is null || notification.ReceivedAt >= Since)
            && (Until is null || notification.ReceivedAt < Until)
            && (Receiver is null || string.Equals(notification.Receiver, Receiver, StringComparison.Ordinal))
            && (Status is null || string.Equals(notification.Status, Status, StringComparison.OrdinalIgnoreCase))
            && (Alertname is null || notification.Alerts.Any(alert => string.Equals(alert.Alertname, Alertname, StringComparison.Ordinal)));
    }
}
