namespace Winyx.Alerts.Upstream;

/// <summary>One sample: Unix seconds and value (NaN and ±Inf kept as Prometheus sent them).</summary>
public readonly record struct SeriesPoint(double Time, double Value);
