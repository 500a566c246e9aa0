using Winyx.LoadTests.Scheduling;

namespace Winyx.LoadTests.Workers;

/// <summary>
/// The open model: iterations start on schedule whether or not earlier ones have ended. A dedicated,
/// above-normal-priority thread paces them with <see cref="IClock.WaitUntil"/>; when it wakes late it
/// catches up at once with every missed iteration, each keeping its intended start.
/// </summary>
internal sealed class OpenModelRunner
{
    private readonly IterationExecutor _executor;
    private readonly SlotPool _slots;
    private readonly OpenDispatcher _dispatcher;
    private readonly CancellationToken _cancellationToken;

    public OpenModelRunner(IterationExecutor executor, ContextPool contexts, int maxConcurrency, CancellationToken cancellationToken)
    {
        _executor = executor;
        _slots = new SlotPool(executor, contexts, maxConcurrency);
        _dispatcher = new OpenDispatcher(_slots, executor.Collector);
        _cancellationToken = cancellationToken;
    }

    private IClock Clock => _executor.Clock;

    /// <summary>Runs a phase on the scheduler thread; completes at the phase's end.</summary>
    public Task RunPhaseAsync(OpenPhase phase, TimeSpan phaseStart)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                Schedule(phase, phaseStart);
                done.SetResult();
            }
            catch (Exception ex)
            {
                done.SetException(ex);
            }
        })
        {
            IsBackground = true,
            Name = "winyx-load-scheduler",
            Priority = ThreadPriority.AboveNormal,
        };
        thread.Start();
        return done.Task;
    }

    /// <summary>Waits for the iterations still running after the last phase.</summary>
    public Task DrainAsync() => _slots.WaitIdleAsync(_cancellationToken);

    private void Schedule(OpenPhase phase, TimeSpan phaseStart)
    {
        var scheduler = new OpenScheduler(phase);
        var due = new List<TimeSpan>(256);
        while (!_cancellationToken.IsCancellationRequested && scheduler.NextDue is { } next)
        {
            Clock.WaitUntil(phaseStart + next, _cancellationToken);
            if (_cancellationToken.IsCancellationRequested)
            {
                break;
            }

            var now = Clock.Now;
            due.Clear();
            scheduler.TakeDue(now - phaseStart, due);
            foreach (var intended in due)
            {
                _dispatcher.Dispatch(phaseStart + intended, now);
            }
        }

        if (phase.Duration is { } duration)
        {
            // The phase lasts its whole duration even after its last iteration has been handed out.
            Clock.WaitUntil(phaseStart + duration, _cancellationToken);
        }
    }
}
