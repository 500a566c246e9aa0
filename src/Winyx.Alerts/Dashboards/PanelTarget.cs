namespace Winyx.Alerts.Dashboards;

/// <summary>One query of a panel.</summary>
/// <param name="RefId">Grafana's query letter.</param>
/// <param name="Expression">The PromQL, with Grafana variables still in it.</param>
/// <param name="LegendFormat">The series name template (<c>{{label}}</c>, or <c>__auto</c>).</param>
/// <param name="Instant">Whether it asks for one instant rather than a range.</param>
public sealed record PanelTarget(string RefId, string Expression, string? LegendFormat, bool Instant);
