namespace Winyx.LoadTests.AlertProof.Observation;

/// <summary>An alert as Prometheus' <c>/api/v1/alerts</c> shows it: pending or firing.</summary>
/// <param name="Labels">Its labels, <c>alertname</c> and <c>severity</c> included.</param>
/// <param name="Annotations">Its annotations.</param>
/// <param name="State"><c>pending</c> or <c>firing</c>.</param>
/// <param name="ActiveAt">When its expression first held.</param>
public sealed record PrometheusAlert(
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyDictionary<string, string> Annotations,
    string State,
    DateTimeOffset ActiveAt)
{
    /// <summary>The alert's name.</summary>
    public string Name => Labels.GetValueOrDefault("alertname", string.Empty);

    /// <summary>Its severity label, empty when none.</summary>
    public string Severity => Labels.GetValueOrDefault("severity", string.Empty);

    /// <summary>True once its <c>for:</c> has passed.</summary>
    public bool IsFiring => State == "firing";

    /// <summary>One line naming it with its labels, sorted, for identity and messages.</summary>
    public string Identity => AlertIdentity.Of(Labels);
}
