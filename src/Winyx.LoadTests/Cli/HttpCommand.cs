using System.Globalization;
using Winyx.LoadTests.Clients;
using Winyx.LoadTests.Runner;
using Winyx.LoadTests.Scenarios;
using Winyx.LoadTests.Simulations;
using Winyx.LoadTests.Thresholds;

namespace Winyx.LoadTests.Cli;

/// <summary>The <c>http</c> command: one scenario sending one request to a loopback URL, then the four reports.</summary>
internal static class HttpCommand
{
    public const string ScenarioName = "http";

    public static async Task<int> RunAsync(HttpCommandOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        using var http = new HttpLoadClient(options.Copies ?? 0, options.Timeout);
        using var raw = options.RawClient ? new Http1LoadClient(options.Url, options.Method, timeout: options.Timeout) : null;
        var scenario = BuildScenario(options, http, raw);
        var runner = LoadRunner.Create(scenario)
            .WithThresholds(Thresholds(options))
            .WithReportFolder(options.Out)
            .WithProgress(options.Progress ? output : null) with
        {
            TestName = "http " + options.Url,
            ReportFileName = "http",
        };
        if (options.Percentiles is { } percentiles)
        {
            runner = runner.WithPercentiles([.. percentiles]);
        }

        var result = await runner.RunAsync(cancellationToken).ConfigureAwait(false);
        PrintSummary(result, options, output);
        return result.ExitCode;
    }

    internal static Scenario BuildScenario(HttpCommandOptions options, HttpLoadClient http, Http1LoadClient? raw)
    {
        var simulation = (options.Rate, options.Iterations) switch
        {
            ({ } rate, { } iterations) => Simulation.IterationsForInject(rate, options.Interval, iterations),
            ({ } rate, null) => Simulation.Inject(rate, options.Interval, options.Duration),
            (null, { } iterations) => Simulation.IterationsForConstant(options.Copies!.Value, iterations),
            (null, null) => Simulation.KeepConstant(options.Copies!.Value, options.Duration),
        };
        Func<ScenarioContext, Task<Response>> send = raw is not null
            ? raw.SendAsync
            : ctx => http.SendAsync(new HttpRequestMessage(options.Method, options.Url), ctx.CancellationToken);
        return Scenario.Create(ScenarioName, send)
            .WithWarmUpDuration(options.WarmUp)
            .WithMaxConcurrency(options.MaxConcurrency)
            .WithLoadSimulations(simulation);
    }

    private static Threshold[] Thresholds(HttpCommandOptions options)
    {
        var thresholds = new List<Threshold>();
        if (options.MaxFailPercent is { } maxFail)
        {
            thresholds.Add(Threshold.Create(ScenarioName, s => s.Fail.Request.Percent <= maxFail, description: $"fail % <= {maxFail.ToString(CultureInfo.InvariantCulture)}"));
        }

        if (options.MaxP99Ms is { } maxP99)
        {
            thresholds.Add(Threshold.Create(ScenarioName, s => s.Ok.Latency.Percentile(99) <= maxP99, description: $"ok p99 <= {maxP99.ToString(CultureInfo.InvariantCulture)} ms"));
        }

        return [.. thresholds];
    }

    private static void PrintSummary(RunResult result, HttpCommandOptions options, TextWriter output)
    {
        var s = result.Scenario(ScenarioName);
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"{ScenarioName}: {s.AllRequestCount:N0} requests in {s.Duration.TotalSeconds:F1} s = {s.Rps:N1} rps; ok {s.Ok.Request.Count:N0}, fail {s.Fail.Request.Count:N0}; latency mean {s.Ok.Latency.MeanMs} ms, max {s.Ok.Latency.MaxMs} ms");
        output.WriteLine(line);
        if (options.Rate is { } rate)
        {
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"open model: target {rate / options.Interval.TotalSeconds:N1}/s, achieved {s.Rps:N1}/s; scheduler lag p99 {s.SchedulerLag.Percentiles.LastOrDefault(p => p.Percentile <= 99)?.Ms ?? s.SchedulerLag.MaxMs} ms, max {s.SchedulerLag.MaxMs} ms; dropped {s.DroppedIterations:N0}"));
        }

        // The engine's own GC pauses stop the scheduler thread too: shown so a lag spike can be told apart.
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"engine: GCs gen0 {GC.CollectionCount(0)}, gen1 {GC.CollectionCount(1)}, gen2 {GC.CollectionCount(2)}; total GC pause {GC.GetTotalPauseDuration().TotalMilliseconds:F1} ms"));
        foreach (var threshold in result.Thresholds)
        {
            output.WriteLine($"threshold {threshold.Description}: {(threshold.Passed ? "passed" : "FAILED")}");
        }
    }
}
