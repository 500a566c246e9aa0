using Winyx.Alerts.Upstream;

namespace Winyx.Alerts.Dashboards;

/// <summary>A series ready to draw: its legend and points.</summary>
public sealed record RenderedSeries(string Legend, IReadOnlyDictionary<string, string> Labels, IReadOnlyList<SeriesPoint> Points)
{
    /// <summary>The last finite value, or NaN (Grafana's <c>lastNotNull</c>).</summary>
    public double LastValue => Points.Select(point => point.Value).LastOrDefault(double.IsFinite, double.NaN);
}
