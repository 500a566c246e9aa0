using System.Globalization;

namespace Winyx.Alerts.Dashboards;

/// <summary>Formats values in Grafana's units (the ones the Winyx dashboards use, and a few neighbours).</summary>
public static class Units
{
    /// <summary>Formats <paramref name="value"/> in <paramref name="unit"/>; NaN shows as "NaN", ±Inf as "∞".</summary>
    public static string Format(double value, string? unit, int? decimals = null)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "∞" : "-∞";
        }

        return unit switch
        {
            "percentunit" => Number(value * 100, decimals ?? Auto(value * 100)) + "%",
            "percent" => Number(value, decimals ?? Auto(value)) + "%",
            "s" => Seconds(value, decimals),
            "ms" => Seconds(value / 1000, decimals),
            "reqps" => Short(value, decimals) + " req/s",
            "ops" => Short(value, decimals) + " ops/s",
            "bytes" => Bytes(value, decimals),
            "none" => Number(value, decimals ?? Auto(value)),
            _ => Short(value, decimals),
        };
    }

    private static string Seconds(double seconds, int? decimals)
    {
        var magnitude = Math.Abs(seconds);
        return magnitude switch
        {
            0 => "0 s",
            < 1e-3 => Number(seconds * 1e6, decimals ?? Auto(seconds * 1e6)) + " µs",
            < 1 => Number(seconds * 1e3, decimals ?? Auto(seconds * 1e3)) + " ms",
            < 60 => Number(seconds, decimals ?? Auto(seconds)) + " s",
            < 3600 => Number(seconds / 60, decimals ?? 1) + " min",
            < 86400 => Number(seconds / 3600, decimals ?? 1) + " h",
            _ => Number(seconds / 86400, decimals ?? 1) + " day",
        };
    }

    private static string Short(double value, int? decimals)
    {
        string[] suffixes = ["", " K", " Mil", " Bil", " Tri"];
        var index = 0;
        var scaled = value;
        while (Math.Abs(scaled) >= 1000 && index < suffixes.Length - 1)
        {
            scaled /= 1000;
            index++;
        }

        return Number(scaled, decimals ?? Auto(scaled)) + suffixes[index];
    }

    private static string Bytes(double value, int? decimals)
    {
        string[] suffixes = ["B", "KiB", "MiB", "GiB", "TiB"];
        var index = 0;
        var scaled = value;
        while (Math.Abs(scaled) >= 1024 && index < suffixes.Length - 1)
        {
            scaled /= 1024;
            index++;
        }

        return Number(scaled, decimals ?? Auto(scaled)) + " " + suffixes[index];
    }

    // Grafana's auto decimals, roughly: three significant digits, never more than 3 decimals.
    private static int Auto(double value)
    {
        var magnitude = Math.Abs(value);
        return magnitude switch
        {
            0 => 0,
            >= 100 => 0,
            >= 10 => 1,
            >= 1 => 2,
            _ => 3,
        };
    }

    private static string Number(double value, int decimals)
    {
        var text = Math.Round(value, Math.Clamp(decimals, 0, 10)).ToString("0." + new string('#', Math.Clamp(decimals, 0, 10)), CultureInfo.InvariantCulture);
        return text == "-0" ? "0" : text;
    }
}
