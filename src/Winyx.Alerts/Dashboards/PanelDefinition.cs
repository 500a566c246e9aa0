namespace Winyx.Alerts.Dashboards;

/// <summary>A panel of a Grafana dashboard, with what rendering it needs.</summary>
public sealed record PanelDefinition(int Id, string Title, string Type, GridPosition Grid)
{
    /// <summary>The panel's description (shown as a tooltip).</summary>
    public string? Description { get; init; }

    /// <summary>Grafana's unit (<c>short</c>, <c>percentunit</c>, <c>s</c>, <c>reqps</c>…).</summary>
    public string? Unit { get; init; }

    /// <summary>Decimals to show, when the panel fixes them.</summary>
    public int? Decimals { get; init; }

    /// <summary>The lower bound of a gauge or axis, when fixed.</summary>
    public double? Min { get; init; }

    /// <summary>The upper bound of a gauge or axis, when fixed.</summary>
    public double? Max { get; init; }

    /// <summary>Absolute threshold steps, lowest first.</summary>
    public IReadOnlyList<ThresholdStep> Thresholds { get; init; } = [];

    /// <summary>The queries.</summary>
    public IReadOnlyList<PanelTarget> Targets { get; init; } = [];
}
