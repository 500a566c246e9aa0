using Winyx.LoadTests.Stats;

namespace Winyx.LoadTests.Scenarios;

/// <summary>
/// Handed to every iteration of a scenario. One instance per worker (a copy in the closed model, a
/// slot in the open model) is reused for each of its iterations, so it is never shared by two
/// iterations running at once.
/// </summary>
public sealed class ScenarioContext
{
    private readonly ScenarioCollector _collector;

    internal ScenarioContext(string scenarioName, int workerNumber, ScenarioCollector collector, CancellationToken cancellationToken)
    {
        ScenarioName = scenarioName;
        WorkerNumber = workerNumber;
        _collector = collector;
        CancellationToken = cancellationToken;
        Random = new Random(HashCode.Combine(scenarioName, workerNumber));
    }

    /// <summary>The scenario's name.</summary>
    public string ScenarioName { get; }

    /// <summary>The worker running this iteration: the copy number (closed model) or slot number (open model).</summary>
    public int WorkerNumber { get; }

    /// <summary>How many iterations this worker had started before this one.</summary>
    public long InvocationNumber { get; internal set; }

    /// <summary>Cancelled when the run stops (its end, an abort or Ctrl+C).</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>A random source private to this worker (no locking needed).</summary>
    public Random Random { get; }

    /// <summary>Per-worker state a scenario may keep between its iterations (e.g. a token).</summary>
    public IDictionary<string, object> Data { get; } = new Dictionary<string, object>(StringComparer.Ordinal);

    /// <summary>True during warm-up: stats recorded now are discarded.</summary>
    public bool IsWarmUp { get; internal set; }

    /// <summary>Where this iteration records: the current core's shard.</summary>
    internal WorkerStats Stats => _collector.CurrentShard;
}
