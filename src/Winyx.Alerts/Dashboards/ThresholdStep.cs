namespace Winyx.Alerts.Dashboards;

/// <summary>One step of a panel's absolute thresholds: from <see cref="From"/> on (null = from −∞) use <see cref="Color"/>.</summary>
public sealed record ThresholdStep(string Color, double? From);
