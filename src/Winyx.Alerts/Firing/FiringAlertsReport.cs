namespace Winyx.Alerts.Firing;

/// <summary>The alerts firing now, and what could not be asked (an unreachable Prometheus, say).</summary>
public sealed record FiringAlertsReport(IReadOnlyList<FiringAlert> Alerts, IReadOnlyList<string> Problems);
