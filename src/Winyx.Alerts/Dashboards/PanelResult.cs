namespace Winyx.Alerts.Dashboards;

/// <summary>A panel with its data, or the error that stands in its place.</summary>
public sealed record PanelResult(PanelDefinition Panel, IReadOnlyList<RenderedSeries> Series, string? Error)
{
    /// <summary>Whether any query returned a series.</summary>
    public bool HasData => Series.Count > 0;
}
