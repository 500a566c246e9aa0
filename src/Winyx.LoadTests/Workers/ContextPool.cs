using Winyx.LoadTests.Scenarios;
using Winyx.LoadTests.Stats;

namespace Winyx.LoadTests.Workers;

/// <summary>One context per worker number for a measurement window, so per-worker data survives phases.</summary>
internal sealed class ContextPool
{
    private readonly List<ScenarioContext> _contexts = [];
    private readonly string _scenarioName;
    private readonly ScenarioCollector _collector;
    private readonly bool _warmUp;
    private readonly CancellationToken _cancellationToken;
    private readonly Lock _lock = new();

    public ContextPool(string scenarioName, ScenarioCollector collector, bool warmUp, CancellationToken cancellationToken)
    {
        _scenarioName = scenarioName;
        _collector = collector;
        _warmUp = warmUp;
        _cancellationToken = cancellationToken;
    }

    public ScenarioContext Get(int workerNumber)
    {
        lock (_lock)
        {
            while (_contexts.Count <= workerNumber)
            {
                var number = _contexts.Count;
                _contexts.Add(new ScenarioContext(_scenarioName, number, _collector, _cancellationToken) { IsWarmUp = _warmUp });
            }

            return _contexts[workerNumber];
        }
    }
}
