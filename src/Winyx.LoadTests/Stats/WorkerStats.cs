using System.Collections.Concurrent;

namespace Winyx.LoadTests.Stats;

/// <summary>
/// One shard of a scenario's live stats. crank gives each worker its own counters and merges them
/// at the end; an HdrHistogram recorder per worker would cost ~1 MB each (a thousand open-model
/// slots, a gigabyte), so iterations write to the shard of the core they run on instead, keeping
/// writes core-local, and the collector merges the shards every interval and at the end.
/// </summary>
internal sealed class WorkerStats
{
    private readonly ConcurrentDictionary<string, StepRecorder> _steps = new(StringComparer.Ordinal);
    private readonly List<KeyValuePair<string, StepRecorder>> _order = [];
    private readonly Lock _addLock = new();
    private long _started;
    private long _ended;

    /// <summary>Iterations started minus ended in this shard; summed over shards, those running now.</summary>
    public long InFlight => Interlocked.Read(ref _started) - Interlocked.Read(ref _ended);

    public void Started() => Interlocked.Increment(ref _started);

    public void Ended() => Interlocked.Increment(ref _ended);

    /// <summary>The whole iteration.</summary>
    public StepRecorder Scenario { get; } = new();

    /// <summary>The steps recorded so far, in order of first use.</summary>
    public IReadOnlyList<KeyValuePair<string, StepRecorder>> Steps
    {
        get
        {
            lock (_addLock)
            {
                return _order.ToArray();
            }
        }
    }

    /// <summary>The recorder of step <paramref name="name"/>, created on first use.</summary>
    public StepRecorder Step(string name)
    {
        if (_steps.TryGetValue(name, out var recorder))
        {
            return recorder;
        }

        lock (_addLock)
        {
            if (!_steps.TryGetValue(name, out recorder))
            {
                recorder = new StepRecorder();
                _order.Add(new(name, recorder));
                _steps[name] = recorder;
            }

            return recorder;
        }
    }
}
