using System.Globalization;
using Winyx.LoadTests.Stats;

namespace Winyx.LoadTests.Reporting;

/// <summary>
/// NBomber's CSV: one row per scenario (step <c>global information</c>) and per step, with NBomber's
/// columns and its units (ms for latency, KB per request, MB in all).
/// </summary>
public sealed class CsvReportWriter : IReportWriter
{
    /// <summary>NBomber's header, column for column.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "test_suite", "test_name", "scenario", "duration", "step_name",
        "request_count", "ok", "failed", "rps", "min", "mean", "max",
        "50_percent", "75_percent", "95_percent", "99_percent", "std_dev",
        "data_transfer_min_kb", "data_transfer_mean_kb", "data_transfer_max_kb", "data_transfer_all_mb",
    ];

    /// <summary>The test suite column's value.</summary>
    public const string TestSuite = "winyx";

    /// <inheritdoc />
    public string Extension => "csv";

    /// <inheritdoc />
    public void Write(LoadReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(string.Join(',', Columns) + "\n");
        foreach (var scenario in report.Result.Scenarios)
        {
            foreach (var step in new[] { scenario.Iteration }.Concat(scenario.Steps))
            {
                writer.Write(Row(report.Result.TestName, scenario, step) + "\n");
            }
        }
    }

    private static string Row(string testName, ScenarioStats scenario, StepStats step)
    {
        var ok = step.Ok;
        var latency = ok.Latency;
        var bytes = ok.DataTransfer;
        string[] cells =
        [
            TestSuite, testName, scenario.Name, scenario.Duration.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture), step.Name,
            N(step.AllRequestCount), N(ok.Request.Count), N(step.Fail.Request.Count), N(ok.Request.Rps),
            N(latency.MinMs), N(latency.MeanMs), N(latency.MaxMs),
            N(Value(latency, 50)), N(Value(latency, 75)), N(Value(latency, 95)), N(Value(latency, 99)), N(latency.StdDevMs),
            N(Math.Round(bytes.MinBytes / 1024.0, 3)), N(Math.Round(bytes.MeanBytes / 1024.0, 3)), N(Math.Round(bytes.MaxBytes / 1024.0, 3)),
            N(Math.Round(step.AllBytes / 1024.0 / 1024.0, 3)),
        ];
        return string.Join(',', cells.Select(Escape));
    }

    private static double Value(LatencyStats latency, double percentile) =>
        latency.Percentiles.FirstOrDefault(p => Math.Abs(p.Percentile - percentile) < 1e-9)?.Ms ?? double.NaN;

    private static string N(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Escape(string value) =>
        value.AsSpan().IndexOfAny(",\"\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
