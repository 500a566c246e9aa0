namespace Winyx.Alerts.Dashboards;

/// <summary>A tick on a chart axis: its position in SVG units and its label.</summary>
public readonly record struct AxisTick(double Position, string Label);
