namespace Winyx.Alerts.Storage;

/// <summary>One webhook call Alertmanager made: what it sent, to which receiver, and when it arrived.</summary>
/// <param name="ReceivedAt">When the app received it (the app's clock).</param>
/// <param name="Receiver">The Alertmanager receiver that notified (the payload's <c>receiver</c>).</param>
/// <param name="Status">The group's status: <c>firing</c> while any alert in it fires, else <c>resolved</c>.</param>
/// <param name="Alerts">The alerts of the group, each with its own status.</param>
public sealed record Notification(
    DateTimeOffset ReceivedAt,
    string Receiver,
    string Status,
    IReadOnlyList<NotificationAlert> Alerts)
{
    /// <summary>Alertmanager's key of the aggregation group.</summary>
    public string? GroupKey { get; init; }

    /// <summary>Alertmanager's own address, as it announces it (<c>externalURL</c>).</summary>
    public string? ExternalUrl { get; init; }
}
