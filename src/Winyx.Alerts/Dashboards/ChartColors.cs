namespace Winyx.Alerts.Dashboards;

/// <summary>Grafana's series palette and its named colours, as CSS colours.</summary>
public static class ChartColors
{
    private static readonly string[] Palette =
        ["#73bf69", "#f2cc0c", "#5794f2", "#ff9830", "#f2495c", "#b877d9", "#8ab8ff", "#fade2a", "#ca95e5", "#96d98d", "#ffb357", "#ff7383"];

    private static readonly Dictionary<string, string> Named = new(StringComparer.OrdinalIgnoreCase)
    {
        ["green"] = "#1b7f4b",
        ["red"] = "#c62828",
        ["orange"] = "#e67e22",
        ["yellow"] = "#c9a500",
        ["blue"] = "#3274d9",
        ["purple"] = "#8e44ad",
        ["text"] = "#141827",
    };

    /// <summary>The colour of the <paramref name="index"/>th series.</summary>
    public static string Series(int index) => Palette[index % Palette.Length];

    /// <summary>A Grafana colour name (<c>green</c>, <c>dark-red</c>) or CSS colour as a CSS colour.</summary>
    public static string Css(string? color)
    {
        if (string.IsNullOrWhiteSpace(color))
        {
            return Named["text"];
        }

        var name = color.Replace("dark-", string.Empty, StringComparison.Ordinal)
            .Replace("semi-dark-", string.Empty, StringComparison.Ordinal)
            .Replace("light-", string.Empty, StringComparison.Ordinal);
        return Named.TryGetValue(name, out var css) ? css : color.StartsWith('#') || color.StartsWith("rgb", StringComparison.Ordinal) ? color : Named["text"];
    }

    /// <summary>The colour <paramref name="thresholds"/> give <paramref name="value"/>, or null when there are none.</summary>
    public static string? ForValue(IReadOnlyList<ThresholdStep> thresholds, double value)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        if (thresholds.Count == 0 || !double.IsFinite(value))
        {
            return null;
        }

        var color = thresholds[0].Color;
        foreach (var step in thresholds)
        {
            if (step.From is null || value >= step.From)
            {
                color = step.Color;
            }
        }

        return Css(color);
    }
}
