namespace Winyx.Alerts.Upstream;

/// <summary>An alert as Prometheus' <c>/api/v1/alerts</c> reports it.</summary>
/// <param name="Labels">Its labels (without Prometheus' external labels).</param>
/// <param name="Annotations">Its annotations.</param>
/// <param name="State"><c>pending</c> or <c>firing</c>.</param>
/// <param name="ActiveAt">When its expression first held.</param>
public sealed record PrometheusAlert(
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    string State,
    DateTimeOffset? ActiveAt);
