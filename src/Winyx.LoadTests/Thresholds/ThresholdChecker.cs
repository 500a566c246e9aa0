using Winyx.LoadTests.Stats;

namespace Winyx.LoadTests.Thresholds;

/// <summary>Checks a run's thresholds while it goes and at its end, and decides when one aborts it.</summary>
internal sealed class ThresholdChecker
{
    private readonly State[] _states;

    public ThresholdChecker(IEnumerable<Threshold> thresholds)
    {
        _states = thresholds.Select(t => new State(t)).ToArray();
    }

    /// <summary>
    /// A running check of the thresholds on <paramref name="stats"/>, <paramref name="elapsed"/> into
    /// its measurement. Returns the threshold that asks to abort the run, if any.
    /// </summary>
    public Threshold? CheckRunning(ScenarioStats stats, TimeSpan elapsed)
    {
        Threshold? abort = null;
        foreach (var state in _states.Where(s => s.Threshold.Scenario == stats.Name && elapsed >= s.Threshold.StartCheckAfter))
        {
            if (!state.Check(stats) && state.Threshold.AbortWhenErrorCount is { } limit && state.Failed >= limit && abort is null)
            {
                state.AbortedRun = true;
                abort = state.Threshold;
            }
        }

        return abort;
    }

    /// <summary>The final check on each scenario's end stats, and every threshold's result.</summary>
    public IReadOnlyList<ThresholdResult> Finish(IReadOnlyList<ScenarioStats> scenarios)
    {
        var results = new List<ThresholdResult>();
        foreach (var state in _states)
        {
            var stats = scenarios.FirstOrDefault(s => s.Name == state.Threshold.Scenario);
            var passed = stats is not null && state.Check(stats);
            if (stats is null)
            {
                state.Error = $"no scenario named '{state.Threshold.Scenario}' ran";
            }

            var t = state.Threshold;
            results.Add(new ThresholdResult(t.Scenario, t.Step, t.Description, passed && !state.AbortedRun, state.Checks, state.Failed, state.AbortedRun, state.Error));
        }

        return results;
    }

    private sealed class State(Threshold threshold)
    {
        public Threshold Threshold { get; } = threshold;

        public int Checks { get; private set; }

        public int Failed { get; private set; }

        public bool AbortedRun { get; set; }

        public string? Error { get; set; }

        public bool Check(ScenarioStats stats)
        {
            var (passed, error) = Threshold.Evaluate(stats);
            Checks++;
            if (!passed)
            {
                Failed++;
                Error = error ?? Error;
            }

            return passed;
        }
    }
}
