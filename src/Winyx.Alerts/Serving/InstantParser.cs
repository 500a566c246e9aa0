using System.Globalization;

namespace Winyx.Alerts.Serving;

/// <summary>Reads a point in time the way Prometheus' API does: RFC 3339 or Unix seconds.</summary>
public static class InstantParser
{
    /// <summary>Parses <paramref name="text"/>; false when it is neither form.</summary>
    public static bool TryParse(string? text, out DateTimeOffset instant)
    {
        instant = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && double.IsFinite(seconds)
            && seconds is >= 0 and < 253402300800)
        {
            instant = DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000));
            return true;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant);
    }
}
