namespace Winyx.Alerts.Upstream;

/// <summary>An alerting rule as Prometheus' <c>/api/v1/rules</c> reports it.</summary>
/// <param name="Group">The rule group.</param>
/// <param name="Name">The alert's name.</param>
/// <param name="Query">Its PromQL expression.</param>
/// <param name="For">Its <c>for</c> duration.</param>
/// <param name="Labels">Its static labels (severity, component…).</param>
/// <param name="Annotations">Its annotation templates.</param>
/// <param name="State"><c>inactive</c>, <c>pending</c> or <c>firing</c>.</param>
/// <param name="Health"><c>ok</c>, <c>err</c> or <c>unknown</c>.</param>
/// <param name="LastError">The last evaluation error, if any.</param>
/// <param name="ActiveAlerts">How many alerts it has pending or firing now.</param>
public sealed record PrometheusAlertRule(
    string Group,
    string Name,
    string Query,
    TimeSpan For,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    string State,
    string Health,
    string? LastError,
    int ActiveAlerts);
