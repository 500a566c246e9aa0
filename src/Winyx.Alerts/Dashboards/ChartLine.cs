namespace Winyx.Alerts.Dashboards;

/// <summary>One drawn series: SVG path data (<c>M x y L x y …</c>, broken at gaps), colour and legend.</summary>
public sealed record ChartLine(string Legend, string Color, string PathData, string LastValue);
