using HdrHistogram;

namespace Winyx.LoadTests.Stats;

/// <summary>
/// Everything one measurement window of a scenario records: the shards iterations write to, the
/// open model's scheduler lag and drops, and the merged, cumulative view with its per-interval
/// snapshots. Warm-up gets a collector of its own that is thrown away, so the two windows never mix.
/// </summary>
internal sealed class ScenarioCollector
{
    private readonly WorkerStats[] _shards;
    private readonly StepAccumulator _iteration = new("global information");
    private readonly List<StepAccumulator> _steps = [];
    private readonly Recorder _lag = Histograms.CreateRecorder();
    private readonly LongHistogram _lagTotal = Histograms.Create();
    private readonly LongHistogram _lagInterval = Histograms.Create();
    private readonly List<IntervalSnapshot> _snapshots = [];
    private readonly Lock _lock = new();
    private HistogramBase? _lagRecycle;
    private long _dropped;
    private long _droppedAtLastSnapshot;
    private TimeSpan _lastSnapshotAt;
    private bool _completed;

    public ScenarioCollector(string scenarioName, StatsOptions options, int shards = 0)
    {
        ScenarioName = scenarioName;
        Options = options;
        _shards = Enumerable.Range(0, shards > 0 ? shards : Environment.ProcessorCount).Select(_ => new WorkerStats()).ToArray();
    }

    public string ScenarioName { get; }

    public StatsOptions Options { get; }

    /// <summary>Iterations running now.</summary>
    public int InFlight => (int)_shards.Sum(s => s.InFlight);

    /// <summary>Dropped so far.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>The snapshots taken so far, oldest first.</summary>
    public IReadOnlyList<IntervalSnapshot> Snapshots
    {
        get
        {
            lock (_lock)
            {
                return _snapshots.ToArray();
            }
        }
    }

    /// <summary>The latest snapshot, or null before the first.</summary>
    public IntervalSnapshot? LastSnapshot
    {
        get
        {
            lock (_lock)
            {
                return _snapshots.Count == 0 ? null : _snapshots[^1];
            }
        }
    }

    /// <summary>Ok and failed iterations and bytes, as of the last snapshot.</summary>
    public (long Ok, long Fail, long Bytes) Totals
    {
        get
        {
            lock (_lock)
            {
                return (_iteration.OkCount, _iteration.FailCount, _iteration.OkBytes + _iteration.FailBytes);
            }
        }
    }

    /// <summary>The shard a worker writes to.</summary>
    public WorkerStats ShardFor(int number) => _shards[number % _shards.Length];

    /// <summary>
    /// The shard of the core running the caller: iterations resume on whichever thread-pool thread
    /// is free, so sharding by core (not by worker) keeps each shard's cache lines on one core.
    /// </summary>
    public WorkerStats CurrentShard => _shards[(uint)Thread.GetCurrentProcessorId() % (uint)_shards.Length];

    public void IterationStarted() => CurrentShard.Started();

    public void IterationEnded() => CurrentShard.Ended();

    public void RecordDropped() => Interlocked.Increment(ref _dropped);

    /// <summary>The scheduler thread's lag for one iteration.</summary>
    public void RecordLag(TimeSpan lag) => _lag.RecordValue(Histograms.ToValue(lag));

    /// <summary>
    /// Merges the shards, adds an interval snapshot ending at <paramref name="elapsed"/> (from the
    /// start of measurement) and returns it.
    /// </summary>
    public IntervalSnapshot TakeSnapshot(TimeSpan elapsed)
    {
        lock (_lock)
        {
            return Snapshot(elapsed);
        }
    }

    /// <summary>
    /// An interval snapshot while the window is open; null once <see cref="Complete"/> took the last
    /// one, or when less than half a reporting interval passed since the previous snapshot (the timer
    /// is not aligned with the window's start, and a 5 ms interval's RPS would be noise).
    /// </summary>
    public IntervalSnapshot? TryTakeSnapshot(TimeSpan elapsed)
    {
        lock (_lock)
        {
            return _completed || elapsed - _lastSnapshotAt < Options.ReportingInterval / 2 ? null : Snapshot(elapsed);
        }
    }

    /// <summary>Takes the window's last snapshot; later <see cref="TryTakeSnapshot"/> calls take none.</summary>
    public IntervalSnapshot Complete(TimeSpan elapsed)
    {
        lock (_lock)
        {
            _completed = true;
            return Snapshot(elapsed);
        }
    }

    private IntervalSnapshot Snapshot(TimeSpan elapsed)
    {
        Merge();
        var interval = elapsed - _lastSnapshotAt;
        _lastSnapshotAt = elapsed;
        var dropped = Dropped;
        var count = _iteration.IntervalOkCount + _iteration.IntervalFailCount;
        var snapshot = new IntervalSnapshot(
            elapsed,
            interval,
            _iteration.IntervalOkCount,
            _iteration.IntervalFailCount,
            interval > TimeSpan.Zero ? Math.Round(count / interval.TotalSeconds, 2) : 0,
            LatencyCalculator.From(_iteration.IntervalAll, Options.Percentiles),
            Math.Round(_iteration.IntervalCorrectedP99Ms, 3),
            _iteration.IntervalBytes,
            InFlight,
            _lagInterval.TotalCount == 0 ? 0 : Math.Round(Histograms.ToMs(_lagInterval.GetValueAtPercentile(99)), 3),
            dropped - _droppedAtLastSnapshot);
        _droppedAtLastSnapshot = dropped;
        _snapshots.Add(snapshot);
        return snapshot;
    }

    /// <summary>The cumulative stats as of the last snapshot, over <paramref name="duration"/>.</summary>
    public ScenarioStats Stats(TimeSpan duration, IReadOnlyList<string> simulations, long warmUpIterations)
    {
        lock (_lock)
        {
            var percentiles = Options.Percentiles;
            return new ScenarioStats(
                ScenarioName,
                duration,
                simulations,
                _iteration.ToStats(duration, percentiles),
                _steps.Select(s => s.ToStats(duration, percentiles)).ToArray(),
                LatencyCalculator.From(_iteration.Corrected, percentiles),
                LatencyCalculator.From(_lagTotal, percentiles),
                Dropped,
                warmUpIterations);
        }
    }

    /// <summary>Iterations recorded so far (ok and failed), read from the live counters.</summary>
    public long CountIterations() => _shards.Sum(s => s.Scenario.Ok + s.Scenario.Fail);

    private void Merge()
    {
        _iteration.Merge(_shards.Select(s => s.Scenario).ToArray());
        foreach (var name in _shards.SelectMany(s => s.Steps.Select(step => step.Key)).Distinct(StringComparer.Ordinal))
        {
            if (!_steps.Exists(s => s.Name == name))
            {
                _steps.Add(new StepAccumulator(name));
            }
        }

        foreach (var step in _steps)
        {
            step.Merge(_shards.Select(s => s.Steps.FirstOrDefault(kv => kv.Key == step.Name).Value).OfType<StepRecorder>().ToArray());
        }

        _lagRecycle = _lag.GetIntervalHistogram(_lagRecycle);
        _lagInterval.Reset();
        _lagInterval.Add(_lagRecycle);
        _lagTotal.Add(_lagRecycle);
    }
}
