using Winyx.LoadTests.Reporting;
using Winyx.LoadTests.Scenarios;
using Winyx.LoadTests.Scheduling;
using Winyx.LoadTests.Stats;
using Winyx.LoadTests.Telemetry;
using Winyx.LoadTests.Thresholds;

namespace Winyx.LoadTests.Runner;

/// <summary>
/// Runs scenarios together (NBomber's <c>NBomberRunner</c>): snapshots their stats every reporting
/// interval, prints progress, checks thresholds (aborting when one asks), publishes the stats as
/// <c>Winyx.LoadTests</c> metrics, and writes the reports. Immutable: each <c>With…</c> returns a copy.
/// </summary>
/// <example>
/// <code>
/// var result = await LoadRunner.Create(scenario)
///     .WithThresholds(Threshold.Create("get", s => s.Fail.Request.Percent &lt; 1))
///     .WithReportFolder("load-results")
///     .RunAsync();
/// return result.ExitCode;
/// </code>
/// </example>
public sealed record LoadRunner
{
    private LoadRunner(IReadOnlyList<Scenario> scenarios)
    {
        Scenarios = scenarios;
    }

    /// <summary>The scenarios, run concurrently.</summary>
    public IReadOnlyList<Scenario> Scenarios { get; }

    /// <summary>The thresholds.</summary>
    public IReadOnlyList<Threshold> Thresholds { get; init; } = [];

    /// <summary>Percentiles and reporting interval.</summary>
    public StatsOptions Stats { get; init; } = new();

    /// <summary>The run's name in reports.</summary>
    public string TestName { get; init; } = "winyx_load_test";

    /// <summary>Where reports go; null writes none.</summary>
    public string? ReportFolder { get; init; }

    /// <summary>Report file names without extension.</summary>
    public string ReportFileName { get; init; } = "load-report";

    /// <summary>The report writers used with <see cref="ReportFolder"/>.</summary>
    public IReadOnlyList<IReportWriter> ReportWriters { get; init; } = ReportSet.All;

    /// <summary>Where progress lines go; null prints none.</summary>
    public TextWriter? Progress { get; init; } = Console.Out;

    /// <summary>The clock; the real one unless a test supplies its own.</summary>
    public IClock Clock { get; init; } = new SystemClock();

    /// <summary>Creates a runner for <paramref name="scenarios"/>.</summary>
    public static LoadRunner Create(params Scenario[] scenarios)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        if (scenarios.Length == 0)
        {
            throw new ArgumentException("Give at least one scenario.", nameof(scenarios));
        }

        var duplicate = scenarios.GroupBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two scenarios are named '{duplicate.Key}'.", nameof(scenarios));
        }

        return new LoadRunner(scenarios);
    }

    /// <summary>Sets the thresholds.</summary>
    public LoadRunner WithThresholds(params Threshold[] thresholds) => this with { Thresholds = thresholds };

    /// <summary>Sets the reporting interval.</summary>
    public LoadRunner WithReportingInterval(TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        return this with { Stats = Stats with { ReportingInterval = interval } };
    }

    /// <summary>Sets the latency percentiles reported.</summary>
    public LoadRunner WithPercentiles(params double[] percentiles)
    {
        if (percentiles is null || percentiles.Length == 0 || percentiles.Any(p => p is <= 0 or > 100))
        {
            throw new ArgumentOutOfRangeException(nameof(percentiles), "Percentiles lie in (0, 100].");
        }

        return this with { Stats = Stats with { Percentiles = percentiles.Order().Distinct().ToArray() } };
    }

    /// <summary>Writes the reports to <paramref name="folder"/>.</summary>
    public LoadRunner WithReportFolder(string folder) => this with { ReportFolder = folder };

    /// <summary>Where progress lines go; null for none.</summary>
    public LoadRunner WithProgress(TextWriter? writer) => this with { Progress = writer };

    /// <summary>Uses another clock.</summary>
    public LoadRunner WithClock(IClock clock) => this with { Clock = clock };

    /// <summary>Runs every scenario to its end (or an abort) and returns the result.</summary>
    public async Task<RunResult> RunAsync(CancellationToken cancellationToken = default)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var log = Progress ?? TextWriter.Null;
        var runners = Scenarios.Select(s => new ScenarioRunner(s, Clock, Stats, log)).ToArray();
        var checker = new ThresholdChecker(Thresholds);
        var startedAt = DateTimeOffset.UtcNow;
        var started = Clock.Now;
        using var metrics = EngineMetrics.Observe(runners);

        var run = Task.WhenAll(runners.Select(r => r.RunAsync(stop.Token)));
        var abortReason = await ReportWhileRunningAsync(runners, checker, run, stop).ConfigureAwait(false);
        var scenarios = await run.ConfigureAwait(false);
        if (abortReason is null && cancellationToken.IsCancellationRequested)
        {
            abortReason = "cancelled by the caller";
        }

        var result = new RunResult(
            TestName,
            startedAt,
            Clock.Now - started,
            scenarios,
            runners.Select(r => new ScenarioTimeline(r.Name, r.Measuring?.Snapshots ?? [])).ToArray(),
            checker.Finish(scenarios),
            abortReason);
        WriteReports(result, log);
        return result;
    }

    private async Task<string?> ReportWhileRunningAsync(ScenarioRunner[] runners, ThresholdChecker checker, Task run, CancellationTokenSource stop)
    {
        var progress = Progress is null ? null : new ConsoleProgress(Progress);
        string? abortReason = null;
        while (!run.IsCompleted)
        {
            await Task.WhenAny(run, Task.Delay(Stats.ReportingInterval, CancellationToken.None)).ConfigureAwait(false);
            foreach (var runner in runners)
            {
                var elapsed = Clock.Now - runner.MeasurementStart;
                if (runner.Measuring?.TryTakeSnapshot(elapsed) is not { } snapshot)
                {
                    continue;
                }

                progress?.Report(runner.Name, snapshot);
                if (runner.CurrentStats() is { } stats && checker.CheckRunning(stats, elapsed) is { } failed && abortReason is null)
                {
                    abortReason = $"threshold '{failed.Description}' on {failed.Scenario}{(failed.Step is null ? string.Empty : "/" + failed.Step)} failed {failed.AbortWhenErrorCount} time(s)";
                    progress?.Message("aborting: " + abortReason);
                    await stop.CancelAsync().ConfigureAwait(false);
                }
            }
        }

        return abortReason;
    }

    private void WriteReports(RunResult result, TextWriter log)
    {
        if (ReportFolder is null)
        {
            return;
        }

        var files = ReportSet.WriteAll(new LoadReport(result), ReportFolder, ReportFileName, ReportWriters);
        foreach (var file in files)
        {
            log.WriteLine("report: " + file);
        }
    }
}
