using System.Collections.Concurrent;

namespace Winyx.LoadTests.Stats;

/// <summary>
/// One shard of a scenario's live stats. crank gives each worker its own counters and merges them
/// at the end; an HdrHistogram recorder per worker would cost ~1 MB each (a thousand open-model
/// slots, a gigabyte), so workers share a few shards instead — one per core — keeping writes
/// mostly uncontended, and the collector merges the shards every interval and at the end.
/// </summary>
internal sealed class WorkerStats
{
    private readonly ConcurrentDictionary<string, StepRecorder> _steps = new(StringComparer.Ordinal);
    private readonly List<KeyValuePair<string, StepRecorder>> _order = [];
    private readonly Lock _addLock = new();

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
