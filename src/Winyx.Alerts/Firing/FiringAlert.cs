namespace Winyx.Alerts.Firing;

/// <summary>An alert firing now, merged from every source that knows it.</summary>
/// <param name="Alertname">The <c>alertname</c> label.</param>
/// <param name="Labels">Its labels (the fullest set any source gave).</param>
/// <param name="Annotations">Its annotations (summary, description…).</param>
/// <param name="Since">When it started firing, when known.</param>
public sealed record FiringAlert(
    string Alertname,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    DateTimeOffset? Since)
{
    /// <summary>The <c>severity</c> label, or <c>none</c>.</summary>
    public string Severity => Labels.GetValueOrDefault("severity") ?? "none";

    /// <summary>Where it is known from: <c>webhook</c>, <c>alertmanager</c>, <c>prometheus</c> (see <see cref="AlertSource"/>).</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>The receivers notified of this occurrence (from the webhook history and Alertmanager).</summary>
    public IReadOnlyList<string> Receivers { get; init; } = [];

    /// <summary>Whether Alertmanager reports it silenced.</summary>
    public bool Silenced { get; init; }

    /// <summary>Whether Alertmanager reports it inhibited (by a critical alert of the same service, say).</summary>
    public bool Inhibited { get; init; }

    /// <summary>The link to its expression in Prometheus, when a source gave one.</summary>
    public string? GeneratorUrl { get; init; }
}
