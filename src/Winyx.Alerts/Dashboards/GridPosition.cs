namespace Winyx.Alerts.Dashboards;

/// <summary>A panel's place on Grafana's 24-column grid (<c>gridPos</c>).</summary>
public readonly record struct GridPosition(int X, int Y, int Width, int Height);
