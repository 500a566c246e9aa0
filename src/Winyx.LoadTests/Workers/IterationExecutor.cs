using Winyx.LoadTests.Scenarios;
using Winyx.LoadTests.Scheduling;
using Winyx.LoadTests.Stats;

namespace Winyx.LoadTests.Workers;

/// <summary>Runs one iteration of a scenario and records it: the hot path shared by both models.</summary>
internal sealed class IterationExecutor
{
    private readonly Func<ScenarioContext, Task<Response>> _run;
    private readonly ScenarioCollector _collector;
    private readonly IClock _clock;

    public IterationExecutor(Scenario scenario, ScenarioCollector collector, IClock clock)
    {
        _run = scenario.Run;
        _collector = collector;
        _clock = clock;
    }

    public ScenarioCollector Collector => _collector;

    public IClock Clock => _clock;

    /// <summary>
    /// Runs one iteration. Its latency is measured from the actual start; the corrected latency from
    /// <paramref name="intendedStart"/>, so an iteration the open model started late still counts the
    /// time it waited. An iteration cut short because the run is stopping is not recorded.
    /// </summary>
    public async Task RunAsync(ScenarioContext context, TimeSpan intendedStart)
    {
        _collector.IterationStarted();
        try
        {
            var started = _clock.Now;
            Response response;
            try
            {
                response = await _run(context).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                response = Response.Fail(message: ex.GetType().Name + ": " + ex.Message);
            }

            var ended = _clock.Now;
            context.Stats.Scenario.Record(response, ended - started, ended - intendedStart);
            context.InvocationNumber++;
        }
        finally
        {
            _collector.IterationEnded();
        }
    }
}
