namespace Winyx.Alerts.Ingestion;

/// <summary>One alert of an <see cref="AlertmanagerWebhookPayload"/>.</summary>
public sealed record AlertmanagerWebhookAlert
{
    /// <summary><c>firing</c> or <c>resolved</c>.</summary>
    public string? Status { get; init; }

    /// <summary>The alert's labels.</summary>
    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    /// <summary>The alert's annotations.</summary>
    public IReadOnlyDictionary<string, string>? Annotations { get; init; }

    /// <summary>When it started firing.</summary>
    public DateTimeOffset? StartsAt { get; init; }

    /// <summary>When it resolved; year 1 while it fires.</summary>
    public DateTimeOffset? EndsAt { get; init; }

    /// <summary>The link to the expression in Prometheus (JSON <c>generatorURL</c>; names match case-insensitively).</summary>
    public string? GeneratorUrl { get; init; }

    /// <summary>Alertmanager's fingerprint of the labels.</summary>
    public string? Fingerprint { get; init; }
}
