namespace Winyx.Alerts.Upstream;

/// <summary>One series of a query result: its labels and its (time, value) points, oldest first.</summary>
public sealed record PrometheusSeries(IReadOnlyDictionary<string, string> Labels, IReadOnlyList<SeriesPoint> Points);
