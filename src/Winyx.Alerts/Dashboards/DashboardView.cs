namespace Winyx.Alerts.Dashboards;

/// <summary>A dashboard rendered over a window: its panels' data and the variables used.</summary>
public sealed record DashboardView(
    DashboardDefinition Dashboard,
    TimeWindow Window,
    IReadOnlyDictionary<string, string> Variables,
    IReadOnlyDictionary<string, IReadOnlyList<string>> VariableOptions,
    IReadOnlyList<PanelResult> Panels)
{
    /// <summary>Why no panel could be queried (Prometheus not configured), or null.</summary>
    public string? Problem { get; init; }
}
