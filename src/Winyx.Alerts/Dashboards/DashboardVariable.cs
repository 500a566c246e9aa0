namespace Winyx.Alerts.Dashboards;

/// <summary>A template variable (<c>$service</c>): its default and, for <c>label_values(metric, label)</c>, where its options come from.</summary>
public sealed record DashboardVariable(string Name, string Label, string Default)
{
    /// <summary>The metric of a <c>label_values</c> query, or null.</summary>
    public string? OptionsMetric { get; init; }

    /// <summary>The label of a <c>label_values</c> query, or null.</summary>
    public string? OptionsLabel { get; init; }

    /// <summary>Fixed options (a <c>custom</c> variable).</summary>
    public IReadOnlyList<string> FixedOptions { get; init; } = [];
}
