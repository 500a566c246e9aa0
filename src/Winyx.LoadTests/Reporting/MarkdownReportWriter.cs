using System.Globalization;
using Winyx.LoadTests.Stats;

namespace Winyx.LoadTests.Reporting;

/// <summary>A Markdown summary in NBomber's layout: per scenario, its steps' ok/fail stats and status codes.</summary>
public sealed class MarkdownReportWriter : IReportWriter
{
    /// <inheritdoc />
    public string Extension => "md";

    /// <inheritdoc />
    public void Write(LoadReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        var result = report.Result;
        writer.Write($"# Load test `{result.TestName}`\n\n");
        writer.Write(F($"started {result.StartedAt:u}, wall time {result.Duration.TotalSeconds:F1} s, exit code {result.ExitCode}\n\n"));
        if (result.AbortReason is not null)
        {
            writer.Write($"**Aborted:** {result.AbortReason}\n\n");
        }

        foreach (var scenario in result.Scenarios)
        {
            WriteScenario(scenario, writer);
        }

        WriteThresholds(report, writer);
        WriteAlerts(report, writer);
    }

    private static void WriteScenario(ScenarioStats scenario, TextWriter writer)
    {
        writer.Write(F($"## Scenario `{scenario.Name}`\n\nduration {scenario.Duration.TotalSeconds:F1} s, ok {scenario.Ok.Request.Count}, fail {scenario.Fail.Request.Count}, {scenario.Rps:F1} rps, all data {scenario.Iteration.AllBytes / 1024.0 / 1024.0:F3} MB\n\n"));
        foreach (var simulation in scenario.LoadSimulations)
        {
            writer.Write($"- load simulation: `{simulation}`\n");
        }

        writer.Write(F($"- warm-up iterations (discarded): {scenario.WarmUpIterations}\n"));
        if (scenario.SchedulerLag.Count > 0)
        {
            writer.Write(F($"- scheduler lag: p50 {scenario.SchedulerLag.Percentiles[0].Ms} ms, max {scenario.SchedulerLag.MaxMs} ms; dropped iterations {scenario.DroppedIterations}\n"));
            writer.Write("- latency from the intended start (coordinated omission corrected): " + Percentiles(scenario.CorrectedLatency) + "\n");
        }

        writer.Write("\n| step | outcome | count | RPS | min | mean | max | stddev | " + string.Join(" | ", scenario.Iteration.Ok.Latency.Percentiles.Select(p => F($"p{p.Percentile}"))) + " | KB mean |\n");
        writer.Write("|---|---|---|---|---|---|---|---|" + string.Concat(scenario.Iteration.Ok.Latency.Percentiles.Select(_ => "---|")) + "---|\n");
        foreach (var step in new[] { scenario.Iteration }.Concat(scenario.Steps))
        {
            WriteOutcome(step.Name, "ok", step.Ok, writer);
            if (step.Fail.Request.Count > 0)
            {
                WriteOutcome(step.Name, "fail", step.Fail, writer);
            }
        }

        writer.Write("\n| status code | count | outcome |\n|---|---|---|\n");
        foreach (var code in scenario.Iteration.StatusCodes)
        {
            writer.Write(F($"| {(code.StatusCode < 0 ? "other" : code.StatusCode.ToString(CultureInfo.InvariantCulture))} | {code.Count} | {(code.IsError ? "fail" : "ok")} |\n"));
        }

        writer.Write('\n');
    }

    private static void WriteOutcome(string step, string outcome, OutcomeStats stats, TextWriter writer)
    {
        var l = stats.Latency;
        writer.Write(F($"| {step} | {outcome} | {stats.Request.Count} | {stats.Request.Rps} | {l.MinMs} | {l.MeanMs} | {l.MaxMs} | {l.StdDevMs} | ")
            + string.Join(" | ", l.Percentiles.Select(p => F($"{p.Ms}")))
            + F($" | {stats.DataTransfer.MeanBytes / 1024.0:F3} |\n"));
    }

    private static void WriteThresholds(LoadReport report, TextWriter writer)
    {
        if (report.Result.Thresholds.Count == 0)
        {
            return;
        }

        writer.Write("## Thresholds\n\n| scenario | step | threshold | result | failed checks |\n|---|---|---|---|---|\n");
        foreach (var t in report.Result.Thresholds)
        {
            var outcome = t.Passed ? "passed" : t.AbortedRun ? "failed (aborted the run)" : "failed";
            writer.Write(F($"| {t.Scenario} | {t.Step ?? "-"} | `{t.Description.Replace("|", "\\|", StringComparison.Ordinal)}` | {outcome}{(t.Error is null ? string.Empty : ": " + t.Error)} | {t.FailedChecks}/{t.Checks} |\n"));
        }

        writer.Write('\n');
    }

    private static void WriteAlerts(LoadReport report, TextWriter writer)
    {
        if (report.AlertTimeline.Count == 0)
        {
            return;
        }

        writer.Write("## Alert timeline\n\n| alert | firing at | resolved at |\n|---|---|---|\n");
        foreach (var alert in report.AlertTimeline)
        {
            writer.Write(F($"| {alert.AlertName} | {alert.FiringAt:u} | {(alert.ResolvedAt is { } r ? r.ToString("u", CultureInfo.InvariantCulture) : "still firing")} |\n"));
        }

        writer.Write('\n');
    }

    private static string Percentiles(LatencyStats latency) =>
        string.Join(", ", latency.Percentiles.Select(p => F($"p{p.Percentile} {p.Ms} ms")));

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
