namespace Winyx.Alerts.History;

/// <summary>A notification on a lane: x (SVG units), receiver colour, and what it said.</summary>
public sealed record TimelineTick(double X, string Color, string Receiver, string Status, DateTimeOffset ReceivedAt);
