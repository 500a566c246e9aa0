using System.Globalization;
using System.Net;
using System.Text;
using Winyx.LoadTests.AlertProof.Observation;

namespace Winyx.LoadTests.AlertProof.Reporting;

/// <summary>The proof's alert timeline as SVG: one row per alert and tier, time across, cases shaded behind.</summary>
public static class AlertTimelineSvg
{
    private const int Width = 1100;
    private const int Left = 260;
    private const int Right = 16;
    private const int Top = 52;
    private const int Row = 16;

    /// <summary>The SVG element.</summary>
    public static string Render(AlertProofRun run, IReadOnlyList<AlertSpan> spans)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(spans);
        var origin = run.Healthy.StartedAt;
        var end = run.Cases.Count > 0 ? run.Cases[^1].EndedAt : run.Healthy.EndedAt;
        var total = Math.Max((end - origin).TotalSeconds, 1);
        var rows = spans.Where(s => s.SeenAt >= origin).Select(s => $"{s.Name}/{s.Severity}").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var height = Top + (rows.Count * Row) + 30;
        double X(DateTimeOffset t) => Left + ((t - origin).TotalSeconds / total * (Width - Left - Right));
        var svg = new StringBuilder();
        svg.Append(F($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\" role=\"img\" aria-label=\"alert timeline\" font-family=\"sans-serif\">"));
        var band = 0;
        foreach (var (name, from, to) in new[] { ("healthy", run.Healthy.StartedAt, run.Healthy.EndedAt) }.Concat(run.Cases.Select(c => (c.Name, c.FaultAt, c.EndedAt))))
        {
            var x = X(from);
            var w = Math.Max(X(to) - x, 1);
            svg.Append(F($"<rect x=\"{x:F1}\" y=\"{Top - 4}\" width=\"{w:F1}\" height=\"{height - Top - 22}\" fill=\"{(band % 2 == 0 ? "#eef3fb" : "#f6f6f6")}\"><title>{E(name)}</title></rect>"));
            // Three label rows, so the names of short neighbouring cases do not overprint each other.
            svg.Append(F($"<text x=\"{x + 2:F1}\" y=\"{12 + (band % 3 * 12)}\" font-size=\"9\" fill=\"#345\">{E(name)}</text>"));
            band++;
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var y = Top + (i * Row);
            svg.Append(F($"<text x=\"{Left - 6}\" y=\"{y + 11}\" font-size=\"10\" text-anchor=\"end\">{E(rows[i])}</text>"));
            foreach (var span in spans.Where(s => $"{s.Name}/{s.Severity}" == rows[i] && s.SeenAt >= origin))
            {
                var stop = span.EndedAt ?? end;
                var firing = span.FiringAt ?? stop;
                var color = span.Severity == "critical" ? "#c62828" : "#ef8f00";
                svg.Append(F($"<rect x=\"{X(span.SeenAt):F1}\" y=\"{y + 2}\" width=\"{Math.Max(X(firing) - X(span.SeenAt), 0.5):F1}\" height=\"{Row - 4}\" fill=\"{color}\" opacity=\"0.3\"><title>{E(span.Identity)} pending</title></rect>"));
                if (span.FiringAt is not null)
                {
                    svg.Append(F($"<rect x=\"{X(firing):F1}\" y=\"{y + 2}\" width=\"{Math.Max(X(stop) - X(firing), 1):F1}\" height=\"{Row - 4}\" fill=\"{color}\"><title>{E(span.Identity)} firing {(stop - firing).TotalSeconds:0.0} s</title></rect>"));
                }
            }
        }

        var axisY = height - 12;
        for (var s = 0; s <= total; s += Tick(total))
        {
            var x = Left + (s / total * (Width - Left - Right));
            svg.Append(F($"<text x=\"{x:F1}\" y=\"{axisY}\" font-size=\"9\" text-anchor=\"middle\" fill=\"#555\">{s} s</text>"));
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static int Tick(double total) => total switch { <= 120 => 10, <= 600 => 60, <= 1800 => 120, _ => 300 };

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
