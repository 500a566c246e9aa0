using System.Globalization;
using System.Net;
using System.Text;

namespace Winyx.LoadTests.Reporting;

/// <summary>A named series of (x, y) points for <see cref="SvgChart"/>.</summary>
internal sealed record ChartSeries(string Name, string Color, IReadOnlyList<(double X, double Y)> Points);

/// <summary>Small self-contained SVG line charts, so the HTML report needs no script or CDN.</summary>
internal static class SvgChart
{
    private const int Width = 760;
    private const int Height = 240;
    private const int Left = 60;
    private const int Right = 16;
    private const int Top = 16;
    private const int Bottom = 36;

    public static string Line(string title, string xLabel, string yLabel, IReadOnlyList<ChartSeries> series)
    {
        var points = series.SelectMany(s => s.Points).ToArray();
        var maxX = points.Length == 0 ? 1 : Math.Max(points.Max(p => p.X), 1e-9);
        var maxY = points.Length == 0 ? 1 : Math.Max(points.Max(p => p.Y), 1e-9) * 1.1;
        var svg = new StringBuilder();
        svg.Append(F($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" width=\"{Width}\" height=\"{Height}\" role=\"img\" aria-label=\"{Encode(title)}\">"));
        svg.Append(F($"<rect x=\"{Left}\" y=\"{Top}\" width=\"{Width - Left - Right}\" height=\"{Height - Top - Bottom}\" fill=\"#fafafa\" stroke=\"#ccc\"/>"));
        AppendAxes(svg, maxX, maxY, xLabel, yLabel);
        var legendX = Left + 8;
        foreach (var s in series)
        {
            if (s.Points.Count > 0)
            {
                var path = string.Join(' ', s.Points.Select(p => F($"{X(p.X, maxX):F1},{Y(p.Y, maxY):F1}")));
                svg.Append(F($"<polyline fill=\"none\" stroke=\"{s.Color}\" stroke-width=\"1.6\" points=\"{path}\"/>"));
            }

            svg.Append(F($"<text x=\"{legendX}\" y=\"{Top + 14}\" font-size=\"11\" fill=\"{s.Color}\">{Encode(s.Name)}</text>"));
            legendX += 12 + (7 * s.Name.Length);
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>Horizontal bars from start to end (seconds from the run's start), one row per label.</summary>
    public static string Spans(string title, double maxX, IReadOnlyList<(string Label, double Start, double End, bool Open)> spans)
    {
        var rowHeight = 22;
        var height = Top + Bottom + Math.Max(1, spans.Count) * rowHeight;
        var svg = new StringBuilder();
        svg.Append(F($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\" role=\"img\" aria-label=\"{Encode(title)}\">"));
        maxX = Math.Max(maxX, 1e-9);
        for (var i = 0; i < spans.Count; i++)
        {
            var (label, start, end, open) = spans[i];
            var y = Top + (i * rowHeight);
            var x0 = X(Math.Max(0, start), maxX);
            var x1 = X(Math.Min(end, maxX), maxX);
            svg.Append(F($"<text x=\"4\" y=\"{y + 15}\" font-size=\"11\">{Encode(label)}</text>"));
            svg.Append(F($"<rect x=\"{x0:F1}\" y=\"{y + 4}\" width=\"{Math.Max(2, x1 - x0):F1}\" height=\"14\" fill=\"{(open ? "#d62728" : "#ff7f0e")}\"><title>{Encode(label)}: {start:F1} s – {(open ? "still firing" : F($"{end:F1} s"))}</title></rect>"));
        }

        svg.Append(F($"<text x=\"{Left}\" y=\"{height - 8}\" font-size=\"11\">0 s</text><text x=\"{Width - Right - 40}\" y=\"{height - 8}\" font-size=\"11\">{maxX:F0} s</text>"));
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static void AppendAxes(StringBuilder svg, double maxX, double maxY, string xLabel, string yLabel)
    {
        for (var i = 0; i <= 4; i++)
        {
            var value = maxY * i / 4;
            var y = Y(value, maxY);
            svg.Append(F($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y:F1}\" y2=\"{y:F1}\" stroke=\"#e5e5e5\"/>"));
            svg.Append(F($"<text x=\"{Left - 4}\" y=\"{y + 4:F1}\" font-size=\"10\" text-anchor=\"end\">{Tick(value)}</text>"));
        }

        svg.Append(F($"<text x=\"{Left}\" y=\"{Height - 8}\" font-size=\"11\">0</text>"));
        svg.Append(F($"<text x=\"{Width - Right}\" y=\"{Height - 8}\" font-size=\"11\" text-anchor=\"end\">{Tick(maxX)} {Encode(xLabel)}</text>"));
        svg.Append(F($"<text x=\"12\" y=\"{Top + 80}\" font-size=\"11\" transform=\"rotate(-90 12 {Top + 80})\">{Encode(yLabel)}</text>"));
    }

    private static string Tick(double value) =>
        value >= 100 ? value.ToString("N0", CultureInfo.InvariantCulture) : value.ToString("0.##", CultureInfo.InvariantCulture);

    private static double X(double x, double maxX) => Left + ((Width - Left - Right) * x / maxX);

    private static double Y(double y, double maxY) => Height - Bottom - ((Height - Top - Bottom) * y / maxY);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
