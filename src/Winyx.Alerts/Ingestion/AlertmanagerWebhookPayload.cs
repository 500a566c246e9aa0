namespace Winyx.Alerts.Ingestion;

/// <summary>
/// The body of Alertmanager's webhook (payload version 4), as documented in Alertmanager's
/// <c>webhook_config</c>. Every member is nullable: the ingestion service, not the JSON reader,
/// decides what is missing.
/// </summary>
public sealed record AlertmanagerWebhookPayload
{
    /// <summary>Payload version, "4".</summary>
    public string? Version { get; init; }

    /// <summary>The aggregation group's key.</summary>
    public string? GroupKey { get; init; }

    /// <summary>How many alerts Alertmanager left out because of <c>max_alerts</c>.</summary>
    public int? TruncatedAlerts { get; init; }

    /// <summary>The receiver's name in <c>alertmanager.yml</c>.</summary>
    public string? Receiver { get; init; }

    /// <summary><c>firing</c> or <c>resolved</c>.</summary>
    public string? Status { get; init; }

    /// <summary>The alerts of the group.</summary>
    public IReadOnlyList<AlertmanagerWebhookAlert>? Alerts { get; init; }

    /// <summary>The labels the group is formed by.</summary>
    public IReadOnlyDictionary<string, string>? GroupLabels { get; init; }

    /// <summary>The labels every alert of the group shares.</summary>
    public IReadOnlyDictionary<string, string>? CommonLabels { get; init; }

    /// <summary>The annotations every alert of the group shares.</summary>
    public IReadOnlyDictionary<string, string>? CommonAnnotations { get; init; }

    /// <summary>Alertmanager's address.</summary>
    public string? ExternalUrl { get; init; }
}
