using System.Runtime.CompilerServices;
using Winyx.LoadTests.Stats;

namespace Winyx.LoadTests.Thresholds;

/// <summary>
/// A condition on a scenario's or a step's cumulative stats, checked at every reporting interval
/// while the run goes and once at its end. A failed threshold makes the run's exit code non-zero;
/// with <see cref="AbortWhenErrorCount"/> it also stops the run after that many failed checks.
/// </summary>
/// <example>
/// <code>
/// Threshold.Create("get_user", stats => stats.Fail.Request.Percent &lt; 1, abortWhenErrorCount: 3);
/// Threshold.Create("get_user", "login", step => step.Ok.Latency.P99 &lt; 500);
/// </code>
/// </example>
public sealed class Threshold
{
    private readonly Func<ScenarioStats, bool> _predicate;

    private Threshold(string scenario, string? step, string description, Func<ScenarioStats, bool> predicate, int? abortWhenErrorCount, TimeSpan startCheckAfter)
    {
        Scenario = scenario;
        Step = step;
        Description = description;
        _predicate = predicate;
        AbortWhenErrorCount = abortWhenErrorCount;
        StartCheckAfter = startCheckAfter;
    }

    /// <summary>The scenario it watches.</summary>
    public string Scenario { get; }

    /// <summary>The step it watches; null for the scenario's own stats.</summary>
    public string? Step { get; }

    /// <summary>What it checks: the predicate's source text unless given.</summary>
    public string Description { get; }

    /// <summary>When set, the run stops once this many running checks have failed.</summary>
    public int? AbortWhenErrorCount { get; }

    /// <summary>Running checks start this long into the measurement (early stats are noisy).</summary>
    public TimeSpan StartCheckAfter { get; }

    /// <summary>A threshold on a scenario's stats.</summary>
    public static Threshold Create(
        string scenario,
        Func<ScenarioStats, bool> predicate,
        int? abortWhenErrorCount = null,
        TimeSpan? startCheckAfter = null,
        [CallerArgumentExpression(nameof(predicate))] string? description = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scenario);
        ArgumentNullException.ThrowIfNull(predicate);
        Validate(abortWhenErrorCount);
        return new Threshold(scenario, null, description ?? "scenario threshold", predicate, abortWhenErrorCount, startCheckAfter ?? TimeSpan.Zero);
    }

    /// <summary>A threshold on one step's stats.</summary>
    public static Threshold Create(
        string scenario,
        string step,
        Func<StepStats, bool> predicate,
        int? abortWhenErrorCount = null,
        TimeSpan? startCheckAfter = null,
        [CallerArgumentExpression(nameof(predicate))] string? description = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scenario);
        ArgumentException.ThrowIfNullOrWhiteSpace(step);
        ArgumentNullException.ThrowIfNull(predicate);
        Validate(abortWhenErrorCount);
        return new Threshold(
            scenario,
            step,
            description ?? "step threshold",
            stats => predicate(stats.Steps.FirstOrDefault(s => s.Name == step) ?? throw new KeyNotFoundException($"no step '{step}' recorded yet")),
            abortWhenErrorCount,
            startCheckAfter ?? TimeSpan.Zero);
    }

    /// <summary>Evaluates against <paramref name="stats"/>; the error is the exception's message when the predicate threw.</summary>
    internal (bool Passed, string? Error) Evaluate(ScenarioStats stats)
    {
        try
        {
            return (_predicate(stats), null);
        }
        catch (Exception ex)
        {
            return (false, ex.Message);
        }
    }

    private static void Validate(int? abortWhenErrorCount)
    {
        if (abortWhenErrorCount is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(abortWhenErrorCount), abortWhenErrorCount, "Give a count of 1 or more, or null never to abort.");
        }
    }
}
