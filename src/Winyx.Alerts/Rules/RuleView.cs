using Winyx.Alerts.Upstream;

namespace Winyx.Alerts.Rules;

/// <summary>An alerting rule with the receivers Alertmanager's routing tree sends it to.</summary>
public sealed record RuleView(PrometheusAlertRule Rule, IReadOnlyList<string> Receivers)
{
    /// <summary>The rule's <c>severity</c> label, or <c>none</c>.</summary>
    public string Severity => Rule.Labels.GetValueOrDefault("severity") ?? "none";
}
