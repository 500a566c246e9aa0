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

    /// <summary>The whole iteration.</summary>
    public StepRecorder Scenario { get; } = new();

    /// <summary>The steps recorded so far, by name.</summary>
    public IEnumerable<KeyValuePair<string, StepRecorder>> Steps => _steps;

    /// <summary>The recorder of step <paramref name="name"/>, created on first use.</summary>
    public StepRecorder Step(string name) => _steps.GetOrAdd(name, static _ => new StepRecorder());
}
