using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Winyx.Hosting.Monitoring;

/// <summary>
/// Prometheus' duration syntax (<c>90s</c>, <c>5m</c>, <c>1h30m</c>, <c>250ms</c>, <c>1w</c>),
/// parsed and formatted exactly as Prometheus 2.x does (<c>model.ParseDuration</c> and
/// <c>model.Duration.String</c>), so a rendered duration reads like one a person would write.
/// </summary>
public static partial class PrometheusDuration
{
    private const long MillisecondsPerSecond = 1000;
    private const long MillisecondsPerMinute = 60 * MillisecondsPerSecond;
    private const long MillisecondsPerHour = 60 * MillisecondsPerMinute;
    private const long MillisecondsPerDay = 24 * MillisecondsPerHour;
    private const long MillisecondsPerWeek = 7 * MillisecondsPerDay;
    private const long MillisecondsPerYear = 365 * MillisecondsPerDay;

    // Largest unit first; years and weeks only when they divide exactly ("90d" reads better than "12w6d").
    private static readonly (string Unit, long Milliseconds, bool ExactOnly)[] Units =
    [
        ("y", MillisecondsPerYear, true),
        ("w", MillisecondsPerWeek, true),
        ("d", MillisecondsPerDay, false),
        ("h", MillisecondsPerHour, false),
        ("m", MillisecondsPerMinute, false),
        ("s", MillisecondsPerSecond, false),
        ("ms", 1, false),
    ];

    /// <summary>Parses a Prometheus duration; throws <see cref="FormatException"/> when it is not one.</summary>
    public static TimeSpan Parse(string text) =>
        TryParse(text, out var duration)
            ? duration
            : throw new FormatException($"'{text}' is not a Prometheus duration (e.g. 30s, 5m, 1h30m, 250ms).");

    /// <summary>Parses a Prometheus duration (a run of number+unit pairs from y down to ms, or "0").</summary>
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (text == "0")
        {
            return true;
        }

        var match = DurationPattern().Match(text);
        if (!match.Success)
        {
            return false;
        }

        long total = 0;
        foreach (var (unit, milliseconds, _) in Units)
        {
            var group = match.Groups[unit];
            if (group.Success)
            {
                total += long.Parse(group.Value, CultureInfo.InvariantCulture) * milliseconds;
            }
        }

        duration = TimeSpan.FromMilliseconds(total);
        return true;
    }

    /// <summary>Formats a duration the way Prometheus prints one, at millisecond resolution.</summary>
    public static string Format(TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        var remaining = (long)duration.TotalMilliseconds;
        if (remaining == 0)
        {
            return "0s";
        }

        var text = new StringBuilder();
        foreach (var (unit, milliseconds, exactOnly) in Units)
        {
            if (exactOnly && remaining % milliseconds != 0)
            {
                continue;
            }

            var count = remaining / milliseconds;
            if (count > 0)
            {
                text.Append(count.ToString(CultureInfo.InvariantCulture)).Append(unit);
                remaining -= count * milliseconds;
            }
        }

        return text.ToString();
    }

    [GeneratedRegex(@"^(?:(?<y>[0-9]+)y)?(?:(?<w>[0-9]+)w)?(?:(?<d>[0-9]+)d)?(?:(?<h>[0-9]+)h)?(?:(?<m>[0-9]+)m)?(?:(?<s>[0-9]+)s)?(?:(?<ms>[0-9]+)ms)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();
}
