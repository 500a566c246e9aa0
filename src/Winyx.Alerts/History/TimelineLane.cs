namespace Winyx.Alerts.History;

/// <summary>One alert's lane: its name, firing spans and notification ticks.</summary>
public sealed record TimelineLane(string Alertname, string Detail, IReadOnlyList<TimelineSpan> Spans, IReadOnlyList<TimelineTick> Ticks);
