using System.Globalization;
using System.Net;
using Winyx.LoadTests.Runner;
using Winyx.LoadTests.Stats;

namespace Winyx.LoadTests.Reporting;

/// <summary>
/// A single self-contained HTML page: per scenario a summary, RPS and latency over time as inline
/// SVG charts, the steps and status codes; then thresholds, and the alert timeline section
/// (<c>id="alert-timeline"</c>) drawn from <see cref="LoadReport.AlertTimeline"/>.
/// </summary>
public sealed class HtmlReportWriter : IReportWriter
{
    /// <summary>The id of the alert timeline's section, for callers and tests that look for it.</summary>
    public const string AlertTimelineId = "alert-timeline";

    private const string Style =
        "body{font-family:system-ui,sans-serif;margin:24px;color:#222}table{border-collapse:collapse;margin:8px 0 16px;font-size:13px}" +
        "td,th{border:1px solid #ddd;padding:3px 8px;text-align:right}th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}" +
        ".fail{color:#b00}.pass{color:#070}section{margin-bottom:32px}";

    /// <inheritdoc />
    public string Extension => "html";

    /// <inheritdoc />
    public void Write(LoadReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        var result = report.Result;
        writer.Write($"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Load test {E(result.TestName)}</title><style>{Style}</style></head><body>\n");
        writer.Write(F($"<h1>Load test {E(result.TestName)}</h1><p>started {result.StartedAt:u}, wall time {result.Duration.TotalSeconds:F1} s, exit code <b>{result.ExitCode}</b></p>\n"));
        if (result.AbortReason is not null)
        {
            writer.Write($"<p class=\"fail\">Aborted: {E(result.AbortReason)}</p>\n");
        }

        foreach (var scenario in result.Scenarios)
        {
            var timeline = result.Timelines.FirstOrDefault(t => t.Scenario == scenario.Name)?.Snapshots ?? [];
            WriteScenario(scenario, timeline, writer);
        }

        WriteThresholds(result, writer);
        WriteAlertTimeline(report, writer);
        writer.Write("</body></html>\n");
    }

    private static void WriteScenario(ScenarioStats scenario, IReadOnlyList<IntervalSnapshot> timeline, TextWriter writer)
    {
        writer.Write($"<section class=\"scenario\"><h2>Scenario {E(scenario.Name)}</h2>\n");
        writer.Write(F($"<p>duration {scenario.Duration.TotalSeconds:F1} s · ok {scenario.Ok.Request.Count:N0} · fail {scenario.Fail.Request.Count:N0} · {scenario.Rps:N1} rps · warm-up iterations discarded {scenario.WarmUpIterations:N0}"));
        if (scenario.SchedulerLag.Count > 0)
        {
            writer.Write(F($" · scheduler lag p99 {scenario.SchedulerLag.P99OrMax()} ms · dropped {scenario.DroppedIterations:N0}"));
        }

        writer.Write("</p><p>" + string.Join("<br>", scenario.LoadSimulations.Select(E)) + "</p>\n");
        writer.Write(SvgChart.Line("Requests per second", "s", "req/s", [
            new ChartSeries("ok rps", "#2ca02c", timeline.Select(s => (s.Elapsed.TotalSeconds, s.Interval > TimeSpan.Zero ? s.OkCount / s.Interval.TotalSeconds : 0)).ToArray()),
            new ChartSeries("fail rps", "#d62728", timeline.Select(s => (s.Elapsed.TotalSeconds, s.Interval > TimeSpan.Zero ? s.FailCount / s.Interval.TotalSeconds : 0)).ToArray()),
        ]));
        var latencySeries = new List<ChartSeries>();
        var colors = new[] { "#1f77b4", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf" };
        var percentiles = timeline.FirstOrDefault()?.Latency.Percentiles ?? [];
        for (var i = 0; i < percentiles.Count; i++)
        {
            var index = i;
            latencySeries.Add(new ChartSeries(F($"p{percentiles[i].Percentile}"), colors[i % colors.Length], timeline.Select(s => (s.Elapsed.TotalSeconds, s.Latency.Percentiles[index].Ms)).ToArray()));
        }

        if (scenario.SchedulerLag.Count > 0)
        {
            latencySeries.Add(new ChartSeries("p99 from intended start", "#d62728", timeline.Select(s => (s.Elapsed.TotalSeconds, s.CorrectedP99Ms)).ToArray()));
        }

        writer.Write(SvgChart.Line("Latency", "s", "ms", latencySeries));
        WriteStepTable(scenario, writer);
        writer.Write("<table><tr><th>status code</th><th>count</th><th>outcome</th></tr>");
        foreach (var code in scenario.Iteration.StatusCodes)
        {
            writer.Write(F($"<tr><td>{(code.StatusCode < 0 ? "other" : code.StatusCode.ToString(CultureInfo.InvariantCulture))}</td><td>{code.Count:N0}</td><td>{(code.IsError ? "fail" : "ok")}</td></tr>"));
        }

        writer.Write("</table></section>\n");
    }

    private static void WriteStepTable(ScenarioStats scenario, TextWriter writer)
    {
        var percentiles = scenario.Iteration.Ok.Latency.Percentiles;
        writer.Write("<table><tr><th>step</th><th>outcome</th><th>count</th><th>rps</th><th>min</th><th>mean</th><th>max</th><th>stddev</th>"
            + string.Concat(percentiles.Select(p => F($"<th>p{p.Percentile}</th>"))) + "<th>KB mean</th></tr>");
        foreach (var step in new[] { scenario.Iteration }.Concat(scenario.Steps))
        {
            foreach (var (outcome, stats) in new[] { ("ok", step.Ok), ("fail", step.Fail) })
            {
                if (outcome == "fail" && stats.Request.Count == 0)
                {
                    continue;
                }

                var l = stats.Latency;
                writer.Write(F($"<tr><td>{E(step.Name)}</td><td>{outcome}</td><td>{stats.Request.Count:N0}</td><td>{stats.Request.Rps:N1}</td><td>{l.MinMs}</td><td>{l.MeanMs}</td><td>{l.MaxMs}</td><td>{l.StdDevMs}</td>")
                    + string.Concat(l.Percentiles.Select(p => F($"<td>{p.Ms}</td>")))
                    + F($"<td>{stats.DataTransfer.MeanBytes / 1024.0:F3}</td></tr>"));
            }
        }

        writer.Write("</table>\n");
    }

    private static void WriteThresholds(RunResult result, TextWriter writer)
    {
        if (result.Thresholds.Count == 0)
        {
            return;
        }

        writer.Write("<section><h2>Thresholds</h2><table><tr><th>scenario</th><th>step</th><th>threshold</th><th>result</th><th>failed checks</th></tr>");
        foreach (var t in result.Thresholds)
        {
            var outcome = t.Passed ? "<span class=\"pass\">passed</span>" : $"<span class=\"fail\">failed{(t.AbortedRun ? " (aborted the run)" : string.Empty)}{(t.Error is null ? string.Empty : ": " + E(t.Error))}</span>";
            writer.Write(F($"<tr><td>{E(t.Scenario)}</td><td>{E(t.Step ?? "-")}</td><td><code>{E(t.Description)}</code></td><td>{outcome}</td><td>{t.FailedChecks}/{t.Checks}</td></tr>"));
        }

        writer.Write("</table></section>\n");
    }

    private static void WriteAlertTimeline(LoadReport report, TextWriter writer)
    {
        writer.Write($"<section id=\"{AlertTimelineId}\"><h2>Alert timeline</h2>\n");
        if (report.AlertTimeline.Count == 0)
        {
            writer.Write("<p>No alert timeline was supplied for this run.</p></section>\n");
            return;
        }

        var start = report.Result.StartedAt;
        var end = Math.Max(report.Result.Duration.TotalSeconds, report.AlertTimeline.Max(a => ((a.ResolvedAt ?? a.FiringAt) - start).TotalSeconds));
        var spans = report.AlertTimeline
            .Select(a => (a.AlertName, (a.FiringAt - start).TotalSeconds, a.ResolvedAt is { } r ? (r - start).TotalSeconds : end, a.ResolvedAt is null))
            .ToArray();
        writer.Write(SvgChart.Spans("Alert timeline", end, spans));
        writer.Write("<table><tr><th>alert</th><th>firing at</th><th>resolved at</th></tr>");
        foreach (var alert in report.AlertTimeline)
        {
            writer.Write(F($"<tr><td>{E(alert.AlertName)}</td><td>{alert.FiringAt:u}</td><td>{(alert.ResolvedAt is { } r ? r.ToString("u", CultureInfo.InvariantCulture) : "still firing")}</td></tr>"));
        }

        writer.Write("</table></section>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
