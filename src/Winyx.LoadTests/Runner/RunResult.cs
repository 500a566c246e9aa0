using Winyx.LoadTests.Stats;
using Winyx.LoadTests.Thresholds;

namespace Winyx.LoadTests.Runner;

/// <summary>A scenario's per-interval snapshots.</summary>
/// <param name="Scenario">The scenario.</param>
/// <param name="Snapshots">Oldest first.</param>
public sealed record ScenarioTimeline(string Scenario, IReadOnlyList<IntervalSnapshot> Snapshots);

/// <summary>What a run produced.</summary>
/// <param name="TestName">The run's name.</param>
/// <param name="StartedAt">Wall-clock start.</param>
/// <param name="Duration">Wall time of the whole run, warm-up included.</param>
/// <param name="Scenarios">Each scenario's measured stats.</param>
/// <param name="Timelines">Each scenario's snapshots.</param>
/// <param name="Thresholds">Each threshold's result.</param>
/// <param name="AbortReason">Why the run stopped early, or null.</param>
public sealed record RunResult(
    string TestName,
    DateTimeOffset StartedAt,
    TimeSpan Duration,
    IReadOnlyList<ScenarioStats> Scenarios,
    IReadOnlyList<ScenarioTimeline> Timelines,
    IReadOnlyList<ThresholdResult> Thresholds,
    string? AbortReason)
{
    /// <summary>Exit code when every threshold passed.</summary>
    public const int Success = 0;

    /// <summary>Exit code when a threshold failed (or aborted the run).</summary>
    public const int ThresholdFailed = 1;

    /// <summary>True when a threshold or the caller stopped the run early.</summary>
    public bool Aborted => AbortReason is not null;

    /// <summary>0 when every threshold passed, 1 otherwise.</summary>
    public int ExitCode => Thresholds.All(t => t.Passed) ? Success : ThresholdFailed;

    /// <summary>A scenario's stats by name.</summary>
    public ScenarioStats Scenario(string name) =>
        Scenarios.FirstOrDefault(s => s.Name == name) ?? throw new KeyNotFoundException($"No scenario '{name}' ran.");
}
