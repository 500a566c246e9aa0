using System.Globalization;

namespace Winyx.Alerts.Components.Shared;

/// <summary>"for 3m 20s" style durations and UTC times for the pages.</summary>
public static class Since
{
    /// <summary>How long ago <paramref name="start"/> was, in the two largest units.</summary>
    public static string Ago(DateTimeOffset start, DateTimeOffset now)
    {
        var span = now - start;
        if (span < TimeSpan.Zero)
        {
            span = TimeSpan.Zero;
        }

        return span.TotalDays >= 1 ? $"{(int)span.TotalDays}d {span.Hours}h"
            : span.TotalHours >= 1 ? $"{(int)span.TotalHours}h {span.Minutes}m"
            : span.TotalMinutes >= 1 ? $"{(int)span.TotalMinutes}m {span.Seconds}s"
            : $"{span.Seconds}s";
    }

    /// <summary>A time as <c>yyyy-MM-dd HH:mm:ss UTC</c>.</summary>
    public static string Utc(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";
}
