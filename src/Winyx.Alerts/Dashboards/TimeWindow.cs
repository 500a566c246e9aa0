using System.Globalization;
using System.Text.RegularExpressions;

namespace Winyx.Alerts.Dashboards;

/// <summary>The window a dashboard is drawn over, and the query step.</summary>
public sealed partial record TimeWindow(DateTimeOffset Start, DateTimeOffset End, TimeSpan Step)
{
    /// <summary>About this many points per series: enough for a smooth line, few enough to stay cheap.</summary>
    public const int TargetPoints = 240;

    /// <summary>The window's length.</summary>
    public TimeSpan Length => End - Start;

    /// <summary>
    /// The window from Grafana's relative times (<c>now-1h</c> to <c>now</c>); the step is the length over
    /// <see cref="TargetPoints"/>, whole seconds, at least one.
    /// </summary>
    public static TimeWindow Relative(string from, string to, DateTimeOffset now)
    {
        var start = now - Offset(from);
        var end = now - Offset(to);
        if (end <= start)
        {
            throw new FormatException($"The window {from} to {to} is empty.");
        }

        var step = TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling((end - start).TotalSeconds / TargetPoints)));
        return new TimeWindow(start, end, step);
    }

    /// <summary>Whether <paramref name="text"/> is <c>now</c> or <c>now-N(s|m|h|d|w)</c>.</summary>
    public static bool IsRelative(string? text) => text is not null && RelativePattern().IsMatch(text);

    /// <summary>A PromQL duration for <paramref name="duration"/>, in whole seconds rounded up (<c>90s</c>).</summary>
    public static string PromQlDuration(TimeSpan duration) =>
        Math.Max(1, (long)Math.Ceiling(duration.TotalSeconds)).ToString(CultureInfo.InvariantCulture) + "s";

    private static TimeSpan Offset(string text)
    {
        var match = RelativePattern().Match(text);
        if (!match.Success)
        {
            throw new FormatException($"'{text}' is not a relative time such as now-1h.");
        }

        if (!match.Groups["amount"].Success)
        {
            return TimeSpan.Zero;
        }

        var amount = int.Parse(match.Groups["amount"].Value, CultureInfo.InvariantCulture);
        return match.Groups["unit"].Value switch
        {
            "s" => TimeSpan.FromSeconds(amount),
            "m" => TimeSpan.FromMinutes(amount),
            "h" => TimeSpan.FromHours(amount),
            "d" => TimeSpan.FromDays(amount),
            _ => TimeSpan.FromDays(7 * amount),
        };
    }

    [GeneratedRegex(@"^now(-(?<amount>\d{1,5})(?<unit>[smhdw]))?$")]
    private static partial Regex RelativePattern();
}
