namespace Winyx.Alerts.Upstream;

/// <summary>An alert as Alertmanager's <c>/api/v2/alerts</c> reports it.</summary>
/// <param name="Labels">Its labels (with Prometheus' external labels).</param>
/// <param name="Annotations">Its annotations.</param>
/// <param name="State"><c>active</c>, <c>suppressed</c> or <c>unprocessed</c>.</param>
/// <param name="Silenced">Whether a silence mutes it.</param>
/// <param name="Inhibited">Whether an inhibition rule mutes it.</param>
/// <param name="StartsAt">When it started firing.</param>
/// <param name="Receivers">The receivers its route names.</param>
/// <param name="GeneratorUrl">The link to its expression in Prometheus.</param>
public sealed record AlertmanagerAlert(
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    string State,
    bool Silenced,
    bool Inhibited,
    DateTimeOffset? StartsAt,
    IReadOnlyList<string> Receivers,
    string? GeneratorUrl);
