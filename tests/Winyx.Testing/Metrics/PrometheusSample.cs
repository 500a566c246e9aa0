namespace Winyx.Testing.Metrics;

/// <summary>One sample of a Prometheus text exposition: metric name, labels (unescaped), value.</summary>
/// <param name="Name">The sample's name, suffix included (<c>http_request_duration_seconds_bucket</c>).</param>
/// <param name="Labels">The labels by name.</param>
/// <param name="Value">The value (<c>+Inf</c>, <c>-Inf</c> and <c>NaN</c> included).</param>
public sealed record PrometheusSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value)
{
    /// <summary>The value of label <paramref name="label"/>, or null when the sample has none.</summary>
    public string? this[string label] => Labels.TryGetValue(label, out var value) ? value : null;

    /// <summary>Whether the sample carries every one of <paramref name="labels"/> (it may carry others).</summary>
    public bool Has(params (string Name, string Value)[] labels) =>
        labels.All(l => Labels.TryGetValue(l.Name, out var value) && value == l.Value);
}
