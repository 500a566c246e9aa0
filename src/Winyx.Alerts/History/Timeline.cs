using System.Globalization;
using Winyx.Alerts.Dashboards;
using Winyx.Alerts.Storage;

namespace Winyx.Alerts.History;

/// <summary>
/// The geometry of the history's timeline picture: one lane per alert (fingerprint), its firing
/// spans (startsAt → endsAt, or to the window's end while it still fires), and a tick per
/// notification, coloured by receiver.
/// </summary>
public sealed class Timeline
{
    /// <summary>The SVG's width.</summary>
    public const double Width = 1000;

    /// <summary>Where lanes start (room for the alert names).</summary>
    public const double Left = 230;

    /// <summary>Where lanes end.</summary>
    public const double Right = Width - 10;

    /// <summary>A lane's height.</summary>
    public const double LaneHeight = 28;

    /// <summary>Room above the lanes for the time axis.</summary>
    public const double Top = 24;

    private static readonly Dictionary<string, string> KnownReceivers = new(StringComparer.Ordinal)
    {
        ["default"] = "#3274d9",
        ["critical"] = "#c62828",
        ["database-team"] = "#8e44ad",
        ["business-team"] = "#e67e22",
    };

    private readonly DateTimeOffset _start;
    private readonly DateTimeOffset _end;

    private Timeline(DateTimeOffset start, DateTimeOffset end)
    {
        _start = start;
        _end = end;
    }

    /// <summary>The lanes, by first firing.</summary>
    public IReadOnlyList<TimelineLane> Lanes { get; private init; } = [];

    /// <summary>Receivers seen, with their colours.</summary>
    public IReadOnlyList<(string Receiver, string Color)> Receivers { get; private init; } = [];

    /// <summary>Time axis ticks (UTC).</summary>
    public IReadOnlyList<(double X, string Label)> TimeTicks { get; private init; } = [];

    /// <summary>The SVG's height.</summary>
    public double Height => Top + (Math.Max(1, Lanes.Count) * LaneHeight) + 8;

    /// <summary>Lays out <paramref name="notifications"/> (oldest first) over <paramref name="start"/>..<paramref name="end"/>.</summary>
    public static Timeline Build(IReadOnlyList<Notification> notifications, DateTimeOffset start, DateTimeOffset end)
    {
        ArgumentNullException.ThrowIfNull(notifications);
        var layout = new Timeline(start, end);
        var receivers = notifications.Select(n => n.Receiver).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var colors = receivers.Select((receiver, index) => (receiver, KnownReceivers.GetValueOrDefault(receiver) ?? ChartColors.Series(index + 4))).ToList();
        var colorOf = colors.ToDictionary(pair => pair.receiver, pair => pair.Item2, StringComparer.Ordinal);
        var lanes = notifications
            .SelectMany(notification => notification.Alerts.Select(alert => (Notification: notification, Alert: alert)))
            .GroupBy(entry => entry.Alert.Identity, StringComparer.Ordinal)
            .Select(group => layout.Lane([.. group], colorOf))
            .OrderBy(lane => lane.Spans.Count > 0 ? lane.Spans[0].Start : DateTimeOffset.MaxValue)
            .ToList();
        return new Timeline(start, end)
        {
            Lanes = lanes,
            Receivers = colors,
            TimeTicks = layout.Axis(),
        };
    }

    /// <summary>Formats an SVG coordinate.</summary>
    public static string Coordinate(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>The y of lane <paramref name="index"/>'s top.</summary>
    public static double LaneY(int index) => Top + (index * LaneHeight);

    private TimelineLane Lane(List<(Notification Notification, NotificationAlert Alert)> entries, Dictionary<string, string> colorOf)
    {
        var first = entries[0].Alert;
        var detail = LabelSetKey.Of(first.Labels.Where(label => label.Key is not ("alertname" or "severity")).ToDictionary(l => l.Key, l => l.Value));
        var spans = entries
            .GroupBy(entry => entry.Alert.StartsAt)
            .Select(occurrence =>
            {
                var resolved = occurrence.FirstOrDefault(entry => entry.Alert.Status == "resolved");
                DateTimeOffset? endsAt = resolved.Alert is null ? null : resolved.Alert.EndsAt ?? resolved.Notification.ReceivedAt;
                return new TimelineSpan(X(occurrence.Key), X(endsAt ?? _end), endsAt is null, occurrence.Key, endsAt);
            })
            .Where(span => span.X2 >= Left && span.X1 <= Right)
            .OrderBy(span => span.Start)
            .ToList();
        var ticks = entries
            .Where(entry => entry.Notification.ReceivedAt >= _start && entry.Notification.ReceivedAt <= _end)
            .Select(entry => new TimelineTick(X(entry.Notification.ReceivedAt), colorOf[entry.Notification.Receiver], entry.Notification.Receiver, entry.Alert.Status, entry.Notification.ReceivedAt))
            .ToList();
        return new TimelineLane(first.Alertname, detail == "{}" ? string.Empty : detail, spans, ticks);
    }

    private double X(DateTimeOffset time)
    {
        var x = Left + ((time - _start).TotalSeconds / (_end - _start).TotalSeconds * (Right - Left));
        return Math.Clamp(x, Left, Right);
    }

    private List<(double X, string Label)> Axis()
    {
        var seconds = (_end - _start).TotalSeconds;
        var step = new[] { 60, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400 }.FirstOrDefault(s => seconds / s <= 10, 86400);
        var format = step >= 86400 ? "MM-dd" : "HH:mm";
        var ticks = new List<(double, string)>();
        for (var tick = ((_start.ToUnixTimeSeconds() / step) + 1) * step; tick < _end.ToUnixTimeSeconds(); tick += step)
        {
            var time = DateTimeOffset.FromUnixTimeSeconds(tick);
            ticks.Add((X(time), time.UtcDateTime.ToString(format, CultureInfo.InvariantCulture)));
        }

        return ticks;
    }
}
