using System.Globalization;
using System.Text;

namespace Winyx.Alerts.Dashboards;

/// <summary>
/// The geometry of a server-side SVG line chart: plot area, scaled paths, nice axis ticks and
/// threshold lines. The Razor component only writes these numbers into SVG elements.
/// </summary>
public sealed class LineChart
{
    /// <summary>The SVG's width in user units.</summary>
    public const double Width = 600;

    /// <summary>The SVG's height in user units.</summary>
    public const double Height = 200;

    /// <summary>The plot area's left edge (room for the value labels).</summary>
    public const double Left = 64;

    /// <summary>The plot area's right edge.</summary>
    public const double Right = Width - 8;

    /// <summary>The plot area's top edge.</summary>
    public const double Top = 8;

    /// <summary>The plot area's bottom edge (room for the time labels).</summary>
    public const double Bottom = Height - 22;

    private readonly double _min;
    private readonly double _max;
    private readonly TimeWindow _window;

    private LineChart(TimeWindow window, double min, double max)
    {
        _window = window;
        _min = min;
        _max = max;
    }

    /// <summary>The drawn series.</summary>
    public IReadOnlyList<ChartLine> Lines { get; private init; } = [];

    /// <summary>The value axis' ticks.</summary>
    public IReadOnlyList<AxisTick> ValueTicks { get; private init; } = [];

    /// <summary>The time axis' ticks (UTC).</summary>
    public IReadOnlyList<AxisTick> TimeTicks { get; private init; } = [];

    /// <summary>Threshold steps inside the value range: (y, CSS colour).</summary>
    public IReadOnlyList<(double Y, string Color)> ThresholdLines { get; private init; } = [];

    /// <summary>Lays out <paramref name="panel"/>'s series over <paramref name="window"/>.</summary>
    public static LineChart Build(PanelResult panel, TimeWindow window)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(window);
        var values = panel.Series.SelectMany(series => series.Points).Select(point => point.Value).Where(double.IsFinite).ToList();
        var (min, max) = Range(values, panel.Panel);
        var chart = new LineChart(window, min, max);
        var unit = panel.Panel.Unit;
        return new LineChart(window, min, max)
        {
            Lines = [.. panel.Series.Select((series, index) => new ChartLine(
                series.Legend, ChartColors.Series(index), chart.Path(series), Units.Format(series.LastValue, unit, panel.Panel.Decimals)))],
            ValueTicks = [.. NiceTicks(min, max, 4).Select(value => new AxisTick(chart.Y(value), Units.Format(value, unit, panel.Panel.Decimals)))],
            TimeTicks = chart.TimeAxis(),
            ThresholdLines = [.. panel.Panel.Thresholds
                .Where(step => step.From is { } from && from > min && from < max)
                .Select(step => (chart.Y(step.From!.Value), ChartColors.Css(step.Color)))],
        };
    }

    /// <summary>Formats an SVG coordinate.</summary>
    public static string Coordinate(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static (double Min, double Max) Range(List<double> values, PanelDefinition panel)
    {
        var min = panel.Min ?? Math.Min(0, values.Count == 0 ? 0 : values.Min());
        var max = panel.Max ?? (values.Count == 0 ? 1 : values.Max());
        if (max <= min)
        {
            max = min + (Math.Abs(min) > 0 ? Math.Abs(min) : 1);
        }

        // Headroom, so a flat line at the maximum does not sit on the frame.
        return (min, panel.Max ?? max + ((max - min) * 0.05));
    }

    private static IEnumerable<double> NiceTicks(double min, double max, int count)
    {
        var rough = (max - min) / count;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var step = new[] { 1, 2, 2.5, 5, 10 }.Select(factor => factor * magnitude).First(candidate => candidate >= rough);
        for (var tick = Math.Ceiling(min / step) * step; tick <= max + (step * 1e-9); tick += step)
        {
            yield return Math.Abs(tick) < step * 1e-9 ? 0 : tick;
        }
    }

    private double X(double unixSeconds) =>
        Left + ((unixSeconds - _window.Start.ToUnixTimeMilliseconds() / 1000.0) / _window.Length.TotalSeconds * (Right - Left));

    private double Y(double value) => Bottom - ((value - _min) / (_max - _min) * (Bottom - Top));

    // One subpath per run of finite samples; a gap of more than two steps (a scrape missed, a target
    // down) breaks the line rather than drawing a straight bridge over missing data.
    private string Path(RenderedSeries series)
    {
        var path = new StringBuilder();
        double? previous = null;
        var gap = _window.Step.TotalSeconds * 2.5;
        foreach (var point in series.Points)
        {
            if (!double.IsFinite(point.Value))
            {
                previous = null;
                continue;
            }

            var command = previous is { } last && point.Time - last <= gap ? 'L' : 'M';
            path.Append(command).Append(Coordinate(X(point.Time))).Append(' ').Append(Coordinate(Y(point.Value))).Append(' ');
            previous = point.Time;
        }

        // A single sample is a dot: a zero-length segment drawn with round caps.
        var data = path.ToString().TrimEnd();
        return data.Count(c => c is 'L') == 0 && data.Length > 0 ? data + " h0.1" : data;
    }

    private AxisTick[] TimeAxis()
    {
        var seconds = _window.Length.TotalSeconds;
        var step = new[] { 10, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400 }.FirstOrDefault(s => seconds / s <= 6, 86400 * 7);
        var start = _window.Start.ToUnixTimeSeconds();
        var first = (start / step + 1) * step;
        var format = step >= 86400 ? "MM-dd" : step < 60 ? "HH:mm:ss" : "HH:mm";
        var ticks = new List<AxisTick>();
        for (var tick = first; tick < _window.End.ToUnixTimeSeconds(); tick += step)
        {
            ticks.Add(new AxisTick(X(tick), DateTimeOffset.FromUnixTimeSeconds(tick).UtcDateTime.ToString(format, CultureInfo.InvariantCulture)));
        }

        return [.. ticks];
    }
}
