namespace Winyx.Alerts.History;

/// <summary>A firing interval drawn on a lane: x from and to (SVG units), whether it is still firing, and its times.</summary>
public sealed record TimelineSpan(double X1, double X2, bool StillFiring, DateTimeOffset Start, DateTimeOffset? End);
