namespace Winyx.Alerts.Storage;

/// <summary>One alert inside a <see cref="Notification"/>.</summary>
/// <param name="Alertname">The <c>alertname</c> label.</param>
/// <param name="Status"><c>firing</c> or <c>resolved</c>.</param>
/// <param name="Labels">Every label, <c>alertname</c> included.</param>
/// <param name="Annotations">Summary, description and the rest.</param>
/// <param name="StartsAt">When the alert started firing.</param>
/// <param name="EndsAt">When it resolved; null while firing (Alertmanager sends year 1 for "not yet").</param>
public sealed record NotificationAlert(
    string Alertname,
    string Status,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    DateTimeOffset StartsAt,
    DateTimeOffset? EndsAt)
{
    /// <summary>Alertmanager's fingerprint of the label set.</summary>
    public string? Fingerprint { get; init; }

    /// <summary>The link back to the rule's expression in Prometheus.</summary>
    public string? GeneratorUrl { get; init; }

    /// <summary>The identity of the alert across notifications: its fingerprint, else its sorted labels.</summary>
    public string Identity => Fingerprint is { Length: > 0 } fingerprint ? fingerprint : LabelSetKey.Of(Labels);
}
