using System.Globalization;
using System.Net;
using System.Text;
using Winyx.LoadTests.AlertProof.Cases;
using Winyx.LoadTests.AlertProof.Observation;

namespace Winyx.LoadTests.AlertProof.Reporting;

/// <summary><c>report.html</c>: the verdict, the alert timeline drawn over the cases, and the tables; self-contained (no script, no CDN).</summary>
public static class AlertProofHtml
{
    /// <summary>The HTML page.</summary>
    public static string Render(AlertProofRun run, IReadOnlyList<AlertSpan> spans, IReadOnlyDictionary<string, string> loadLinks)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(loadLinks);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Winyx alert proof</title><style>")
            .Append("body{font-family:system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse;margin:1rem 0;font-size:.85rem}")
            .Append("td,th{border:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}th{background:#f3f3f3}")
            .Append(".proven{color:#17612e}.proven-override{color:#8a5a00}.promtool-only{color:#555}.failed{color:#b00020;font-weight:bold}")
            .Append("</style></head><body><h1>Winyx alert proof</h1><ul>");
        foreach (var line in AlertProofSummary.Lines(run))
        {
            html.Append("<li>").Append(E(line).Replace("**", string.Empty, StringComparison.Ordinal)).Append("</li>");
        }

        html.Append("</ul><h2 id=\"alert-timeline\">Alert timeline</h2><p>Shaded bands are the cases (fault in place, then waiting for the resolution); light bars are pending alerts, strong bars firing ones.</p>");
        html.Append(AlertTimelineSvg.Render(run, spans));
        AppendAlerts(html, run);
        AppendCases(html, run, loadLinks);
        html.Append("</body></html>");
        return html.ToString();
    }

    private static void AppendAlerts(StringBuilder html, AlertProofRun run)
    {
        html.Append("<h2>Alerts</h2><table><tr><th>alert</th><th>status</th><th>severity</th><th>fault</th><th>detection s</th><th>theoretical min s</th><th>receivers</th><th>resolved s</th><th>override / reason</th></tr>");
        foreach (var e in run.Entries)
        {
            html.Append(F($"<tr><td>{E(e.Name)}{(e.Catalog ? "" : " <small>(Winyx)</small>")}</td><td class=\"{e.Status}\">{e.Status}</td><td>{e.Severity}</td><td>{E(e.Fault ?? "")}</td><td>{e.DetectionSeconds:0.0}</td><td>{e.TheoreticalMinimumSeconds:0.0}</td><td>{E(string.Join(", ", e.NotifiedReceivers))}</td><td>{e.ResolvedSeconds:0.0}</td><td>{E(e.Override ?? e.Reason ?? "")}</td></tr>"));
        }

        html.Append("</table>");
    }

    private static void AppendCases(StringBuilder html, AlertProofRun run, IReadOnlyDictionary<string, string> loadLinks)
    {
        html.Append("<h2>Cases</h2><table><tr><th>case</th><th>fault</th><th>observed</th><th>unexpected</th><th>checks</th><th>load</th><th>result</th></tr>");
        foreach (var c in run.Cases)
        {
            var checks = string.Join("<br>", c.Checks.Select(k => $"{E(k.Name)}: <span class=\"{(k.Passed ? ProofStatus.Proven : ProofStatus.Failed)}\">{(k.Passed ? "held" : "FAILED")}</span> ({E(k.Detail)})"));
            var load = loadLinks.TryGetValue(c.Name, out var link) ? $"<a href=\"{E(link)}\">latency and RPS</a>" : "";
            var result = c.Passed ? "<span class=\"proven\">passed</span>" : $"<span class=\"failed\">FAILED</span> {E(c.Error ?? string.Join("; ", c.Outcomes.SelectMany(o => o.Problems)))}";
            html.Append($"<tr><td>{E(c.Name)}</td><td>{E(c.Fault)}</td><td>{E(string.Join(", ", c.Observed))}</td><td>{E(string.Join(", ", c.Unexpected))}{(c.HostBusy.Count == 0 ? "" : "<br><small>corroborated by the host: " + E(string.Join("; ", c.HostBusy)) + "</small>")}</td><td>{checks}</td><td>{load}</td><td>{result}</td></tr>");
        }

        if (loadLinks.TryGetValue("healthy", out var healthy))
        {
            html.Append($"<tr><td>healthy</td><td>no fault: {HealthyLoad.Rate:0} req/s mix</td><td>{E(string.Join(", ", run.Healthy.Fired))}</td><td>{E(string.Join(", ", run.Healthy.FalsePositives))}</td><td>{E(string.Join("; ", run.Healthy.HostBusy))}</td><td><a href=\"{E(healthy)}\">latency and RPS</a></td><td>{(run.Healthy.FalsePositives.Count == 0 ? "<span class=\"proven\">silent</span>" : "<span class=\"failed\">alerts fired</span>")}</td></tr>");
        }

        html.Append("</table>");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
