using Winyx.LoadTests.Scenarios;
using Winyx.LoadTests.Scheduling;
using Winyx.LoadTests.Stats;
using Winyx.LoadTests.Workers;

namespace Winyx.LoadTests.Runner;

/// <summary>
/// Runs one scenario: init, warm-up (its own collector, discarded), the measured window, clean.
/// </summary>
internal sealed class ScenarioRunner
{
    private readonly Scenario _scenario;
    private readonly IClock _clock;
    private readonly StatsOptions _options;
    private readonly TextWriter _log;
    private volatile ScenarioCollector? _measuring;
    private long _warmUpIterations;

    public ScenarioRunner(Scenario scenario, IClock clock, StatsOptions options, TextWriter log)
    {
        _scenario = scenario;
        _clock = clock;
        _options = options;
        _log = log;
    }

    public string Name => _scenario.Name;

    /// <summary>The measurement window's collector once measuring started; null before.</summary>
    public ScenarioCollector? Measuring => _measuring;

    /// <summary>When measurement started, on the engine's clock.</summary>
    public TimeSpan MeasurementStart { get; private set; }

    public IReadOnlyList<string> Simulations => _scenario.LoadSimulations.Select(s => s.Describe()).ToArray();

    public async Task<ScenarioStats> RunAsync(CancellationToken cancellationToken)
    {
        var initContext = new ScenarioInitContext(_scenario.Name, _log, cancellationToken);
        if (_scenario.Init is not null)
        {
            await _scenario.Init(initContext).ConfigureAwait(false);
        }

        try
        {
            if (_scenario.WarmUpDuration > TimeSpan.Zero)
            {
                var warm = new ScenarioCollector(_scenario.Name, _options);
                await RunPlanAsync(LoadPlan.WarmUp(_scenario.LoadSimulations, _scenario.WarmUpDuration), warm, warmUp: true, _ => { }, cancellationToken).ConfigureAwait(false);
                _warmUpIterations = warm.CountIterations();
            }

            var collector = new ScenarioCollector(_scenario.Name, _options);
            MeasurementStart = _clock.Now;
            var loadEnd = await RunPlanAsync(
                LoadPlan.Build(_scenario.LoadSimulations),
                collector,
                warmUp: false,
                start =>
                {
                    MeasurementStart = start;
                    _measuring = collector;
                },
                cancellationToken).ConfigureAwait(false);
            collector.Complete(_clock.Now - MeasurementStart);
            var duration = loadEnd - MeasurementStart;
            return collector.Stats(duration, Simulations, _warmUpIterations);
        }
        finally
        {
            if (_scenario.Clean is not null)
            {
                await _scenario.Clean(initContext with { CancellationToken = CancellationToken.None }).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The cumulative stats so far, as of the last snapshot.</summary>
    public ScenarioStats? CurrentStats()
    {
        var collector = _measuring;
        return collector?.Stats(_clock.Now - MeasurementStart, Simulations, _warmUpIterations);
    }

    /// <summary>
    /// Runs the phases, then waits for the iterations still in flight; returns when the load ended
    /// (before that drain), so rates are over the window the load was applied.
    /// </summary>
    private async Task<TimeSpan> RunPlanAsync(IReadOnlyList<LoadPhase> phases, ScenarioCollector collector, bool warmUp, Action<TimeSpan> started, CancellationToken cancellationToken)
    {
        var executor = new IterationExecutor(_scenario, collector, _clock);
        var closed = new ClosedModelRunner(executor, new ContextPool(_scenario.Name, collector, warmUp, cancellationToken), cancellationToken);
        var open = new OpenModelRunner(executor, new ContextPool(_scenario.Name, collector, warmUp, cancellationToken), _scenario.MaxConcurrency, cancellationToken);
        var phaseStart = _clock.Now;
        started(phaseStart);
        foreach (var phase in phases)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            switch (phase)
            {
                case ClosedPhase c:
                    await closed.RunPhaseAsync(c, phaseStart).ConfigureAwait(false);
                    break;
                case OpenPhase o:
                    await open.RunPhaseAsync(o, phaseStart).ConfigureAwait(false);
                    break;
                case PausePhase p:
                    await PauseAsync(phaseStart + p.Duration!.Value, cancellationToken).ConfigureAwait(false);
                    break;
            }

            // Timed phases follow a fixed timeline, so a late wake-up never stretches the run.
            phaseStart = phase.Duration is { } d ? phaseStart + d : _clock.Now;
        }

        // The timeline's end, not the moment the last wait returned: a sleep overshooting by a
        // millisecond is not part of the window the load was applied.
        var loadEnd = cancellationToken.IsCancellationRequested ? _clock.Now : phaseStart;
        await open.DrainAsync().ConfigureAwait(false);
        return loadEnd;
    }

    private async Task PauseAsync(TimeSpan until, CancellationToken cancellationToken)
    {
        try
        {
            await _clock.DelayUntilAsync(until, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
