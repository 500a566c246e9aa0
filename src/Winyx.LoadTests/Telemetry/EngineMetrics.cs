using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Winyx.LoadTests.Runner;
using Winyx.LoadTests.Stats;

namespace Winyx.LoadTests.Telemetry;

/// <summary>
/// The engine's own stats as <see cref="System.Diagnostics.Metrics"/> instruments on the
/// <c>Winyx.LoadTests</c> meter, so an OpenTelemetry exporter (OTLP to the Aspire dashboard) sees a
/// run live. They are observable instruments read from the latest snapshot: the iteration hot path
/// pays nothing for them.
/// </summary>
public static class EngineMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Winyx.LoadTests";

    private static readonly Meter Meter = new(MeterName);
    private static readonly ConcurrentDictionary<ScenarioRunner, byte> Active = new();

    static EngineMetrics()
    {
        Meter.CreateObservableCounter("winyx.loadtest.iterations", () => Observe(r => Iterations(r)), "{iteration}", "Iterations ended, by scenario and outcome.");
        Meter.CreateObservableCounter("winyx.loadtest.bytes", () => Observe(r => Single(r, c => c.Totals.Bytes)), "By", "Bytes transferred, by scenario.");
        Meter.CreateObservableCounter("winyx.loadtest.dropped_iterations", () => Observe(r => Single(r, c => c.Dropped)), "{iteration}", "Open model: due iterations dropped because every slot was busy.");
        Meter.CreateObservableGauge("winyx.loadtest.rps", () => Observe(r => SingleD(r, c => c.LastSnapshot?.Rps ?? 0)), "{iteration}/s", "Iterations per second over the last interval.");
        Meter.CreateObservableGauge("winyx.loadtest.latency", () => Observe(r => Latency(r)), "ms", "Latency percentiles over the last interval.");
        Meter.CreateObservableGauge("winyx.loadtest.scheduler_lag_p99", () => Observe(r => SingleD(r, c => c.LastSnapshot?.SchedulerLagP99Ms ?? 0)), "ms", "Open model: p99 of the scheduler's lag over the last interval.");
        Meter.CreateObservableGauge("winyx.loadtest.in_flight", () => Observe(r => Single(r, c => c.InFlight)), "{iteration}", "Iterations running now.");
    }

    /// <summary>Publishes <paramref name="runners"/>' stats until the returned handle is disposed.</summary>
    internal static IDisposable Observe(IEnumerable<ScenarioRunner> runners)
    {
        var list = runners.ToArray();
        foreach (var runner in list)
        {
            Active.TryAdd(runner, 0);
        }

        return new Registration(list);
    }

    private static IEnumerable<Measurement<T>> Observe<T>(Func<ScenarioRunner, IEnumerable<Measurement<T>>> read)
        where T : struct =>
        Active.Keys.Where(r => r.Measuring is not null).SelectMany(read).ToArray();

    private static KeyValuePair<string, object?> Tag(ScenarioRunner runner) => new("scenario", runner.Name);

    private static IEnumerable<Measurement<long>> Iterations(ScenarioRunner runner)
    {
        var totals = runner.Measuring!.Totals;
        yield return new Measurement<long>(totals.Ok, Tag(runner), new("outcome", "ok"));
        yield return new Measurement<long>(totals.Fail, Tag(runner), new("outcome", "fail"));
    }

    private static IEnumerable<Measurement<long>> Single(ScenarioRunner runner, Func<ScenarioCollector, long> read)
    {
        yield return new Measurement<long>(read(runner.Measuring!), Tag(runner));
    }

    private static IEnumerable<Measurement<double>> SingleD(ScenarioRunner runner, Func<ScenarioCollector, double> read)
    {
        yield return new Measurement<double>(read(runner.Measuring!), Tag(runner));
    }

    private static IEnumerable<Measurement<double>> Latency(ScenarioRunner runner)
    {
        if (runner.Measuring!.LastSnapshot is not { } snapshot)
        {
            yield break;
        }

        foreach (var p in snapshot.Latency.Percentiles)
        {
            yield return new Measurement<double>(p.Ms, Tag(runner), new("quantile", p.Percentile / 100));
        }
    }

    private sealed class Registration(ScenarioRunner[] runners) : IDisposable
    {
        public void Dispose()
        {
            foreach (var runner in runners)
            {
                Active.TryRemove(runner, out _);
            }
        }
    }
}
