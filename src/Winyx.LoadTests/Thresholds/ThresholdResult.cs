namespace Winyx.LoadTests.Thresholds;

/// <summary>How a threshold fared over a run.</summary>
/// <param name="Scenario">The scenario it watched.</param>
/// <param name="Step">The step it watched, or null.</param>
/// <param name="Description">What it checks.</param>
/// <param name="Passed">False when the final check failed or the threshold aborted the run.</param>
/// <param name="Checks">Checks made, running and final.</param>
/// <param name="FailedChecks">Checks that failed.</param>
/// <param name="AbortedRun">True when it stopped the run.</param>
/// <param name="Error">The predicate's exception message, when it threw.</param>
public sealed record ThresholdResult(string Scenario, string? Step, string Description, bool Passed, int Checks, int FailedChecks, bool AbortedRun, string? Error);
