namespace Winyx.LoadTests.Stats;

/// <summary>One latency percentile, in milliseconds.</summary>
/// <param name="Percentile">The percentile, e.g. 99.9.</param>
/// <param name="Ms">Its value in milliseconds.</param>
public sealed record PercentileValue(double Percentile, double Ms);

/// <summary>One status code and how often it was seen.</summary>
/// <param name="StatusCode">The code; -1 stands for every code outside 0–999.</param>
/// <param name="Count">How many responses carried it.</param>
/// <param name="IsError">True when the responses carrying it failed.</param>
public sealed record StatusCodeCount(int StatusCode, long Count, bool IsError);

/// <summary>Requests of one outcome: count, rate and share of all.</summary>
/// <param name="Count">How many.</param>
/// <param name="Rps">Per second of the measured duration.</param>
/// <param name="Percent">Share of all requests, 0–100.</param>
public sealed record RequestStats(long Count, double Rps, double Percent);

/// <summary>Bytes transferred per request.</summary>
/// <param name="AllBytes">Total bytes.</param>
/// <param name="MinBytes">Fewest in one request.</param>
/// <param name="MeanBytes">Mean per request.</param>
/// <param name="MaxBytes">Most in one request.</param>
public sealed record DataTransferStats(long AllBytes, long MinBytes, double MeanBytes, long MaxBytes);

/// <summary>Latency statistics from an HdrHistogram, in milliseconds.</summary>
/// <param name="Count">Values recorded.</param>
/// <param name="MinMs">Smallest.</param>
/// <param name="MeanMs">Mean.</param>
/// <param name="MaxMs">Largest.</param>
/// <param name="StdDevMs">Standard deviation.</param>
/// <param name="Percentiles">The configured percentiles.</param>
public sealed record LatencyStats(long Count, double MinMs, double MeanMs, double MaxMs, double StdDevMs, IReadOnlyList<PercentileValue> Percentiles)
{
    /// <summary>No values.</summary>
    public static LatencyStats Empty(IReadOnlyList<double> percentiles) =>
        new(0, 0, 0, 0, 0, percentiles.Select(p => new PercentileValue(p, 0)).ToArray());

    /// <summary>The value at <paramref name="percentile"/>, which must be one of the configured ones.</summary>
    public double Percentile(double percentile) =>
        Percentiles.FirstOrDefault(p => Math.Abs(p.Percentile - percentile) < 1e-9)?.Ms
        ?? throw new ArgumentOutOfRangeException(nameof(percentile), percentile, "Not a configured percentile.");

    /// <summary>The median.</summary>
    public double P50 => Percentile(50);

    /// <summary>The 75th percentile.</summary>
    public double P75 => Percentile(75);

    /// <summary>The 95th percentile.</summary>
    public double P95 => Percentile(95);

    /// <summary>The 99th percentile.</summary>
    public double P99 => Percentile(99);
}

/// <summary>Requests of one outcome with their latency and data transfer (NBomber's Ok / Fail blocks).</summary>
/// <param name="Request">Counts.</param>
/// <param name="Latency">Latency of these requests, from their actual start.</param>
/// <param name="DataTransfer">Bytes.</param>
public sealed record OutcomeStats(RequestStats Request, LatencyStats Latency, DataTransferStats DataTransfer);

/// <summary>Stats of one step, or of a scenario's whole iteration.</summary>
/// <param name="Name">The step's name.</param>
/// <param name="Ok">Successful requests.</param>
/// <param name="Fail">Failed requests.</param>
/// <param name="StatusCodes">Counts per status code, most frequent first.</param>
/// <param name="AllBytes">Bytes of every request.</param>
public sealed record StepStats(string Name, OutcomeStats Ok, OutcomeStats Fail, IReadOnlyList<StatusCodeCount> StatusCodes, long AllBytes)
{
    /// <summary>Every request, ok or failed.</summary>
    public long AllRequestCount => Ok.Request.Count + Fail.Request.Count;
}

/// <summary>What a scenario's measurement window produced.</summary>
/// <param name="Name">The scenario.</param>
/// <param name="Duration">The window the load was applied: warm-up excluded, and the drain of the last in-flight iterations too.</param>
/// <param name="LoadSimulations">The simulations, described.</param>
/// <param name="Iteration">The whole iteration: the scenario's own stats.</param>
/// <param name="Steps">Each step, in order of first use.</param>
/// <param name="CorrectedLatency">Latency from each iteration's intended start (coordinated omission corrected, as wrk2).</param>
/// <param name="SchedulerLag">Open model: how late each iteration was handed to a worker.</param>
/// <param name="DroppedIterations">Open model: iterations due when every slot was busy, never run.</param>
/// <param name="WarmUpIterations">Iterations run during warm-up, whose stats were discarded.</param>
public sealed record ScenarioStats(
    string Name,
    TimeSpan Duration,
    IReadOnlyList<string> LoadSimulations,
    StepStats Iteration,
    IReadOnlyList<StepStats> Steps,
    LatencyStats CorrectedLatency,
    LatencyStats SchedulerLag,
    long DroppedIterations,
    long WarmUpIterations)
{
    /// <summary>Successful iterations.</summary>
    public OutcomeStats Ok => Iteration.Ok;

    /// <summary>Failed iterations.</summary>
    public OutcomeStats Fail => Iteration.Fail;

    /// <summary>All iterations that ran.</summary>
    public long AllRequestCount => Iteration.AllRequestCount;

    /// <summary>Iterations per second, ok and failed.</summary>
    public double Rps => Duration > TimeSpan.Zero ? AllRequestCount / Duration.TotalSeconds : 0;

    /// <summary>A step by name.</summary>
    public StepStats Step(string name) =>
        Steps.FirstOrDefault(s => s.Name == name) ?? throw new KeyNotFoundException($"Scenario '{Name}' has no step '{name}'.");
}

/// <summary>One reporting interval of a scenario, for time series.</summary>
/// <param name="Elapsed">End of the interval, from the start of measurement.</param>
/// <param name="Interval">Its length.</param>
/// <param name="OkCount">Successful iterations in it.</param>
/// <param name="FailCount">Failed iterations in it.</param>
/// <param name="Rps">Iterations per second in it.</param>
/// <param name="Latency">Latency of its iterations.</param>
/// <param name="CorrectedP99Ms">99th percentile from the intended start.</param>
/// <param name="Bytes">Bytes in it.</param>
/// <param name="InFlight">Iterations running at its end (copies in the closed model).</param>
/// <param name="SchedulerLagP99Ms">Open model: 99th percentile of the scheduler's lag in it.</param>
/// <param name="DroppedIterations">Open model: dropped in it.</param>
public sealed record IntervalSnapshot(
    TimeSpan Elapsed,
    TimeSpan Interval,
    long OkCount,
    long FailCount,
    double Rps,
    LatencyStats Latency,
    double CorrectedP99Ms,
    long Bytes,
    int InFlight,
    double SchedulerLagP99Ms,
    long DroppedIterations);
