using Winyx.LoadTests.Scheduling;

namespace Winyx.LoadTests.Workers;

/// <summary>
/// The closed model: a number of copies, each a loop that starts its next iteration when the last
/// one ends. A controller grows and shrinks the set of copies as a ramp asks.
/// </summary>
internal sealed class ClosedModelRunner
{
    /// <summary>How often a ramp re-evaluates its copy count.</summary>
    public static readonly TimeSpan ControlStep = TimeSpan.FromMilliseconds(50);

    private readonly IterationExecutor _executor;
    private readonly ContextPool _contexts;
    private readonly CancellationToken _cancellationToken;

    public ClosedModelRunner(IterationExecutor executor, ContextPool contexts, CancellationToken cancellationToken)
    {
        _executor = executor;
        _contexts = contexts;
        _cancellationToken = cancellationToken;
    }

    private IClock Clock => _executor.Clock;

    public async Task RunPhaseAsync(ClosedPhase phase, TimeSpan phaseStart)
    {
        var end = phase.Duration is { } duration ? phaseStart + duration : TimeSpan.MaxValue;
        // Only iteration-bound phases share a budget: an unbounded one would be a contended counter for nothing.
        var budget = phase.Iterations is { } iterations ? new IterationBudget(iterations) : null;
        var copies = new List<Copy>();
        try
        {
            while (!_cancellationToken.IsCancellationRequested)
            {
                var now = Clock.Now;
                if (now >= end)
                {
                    break;
                }

                Resize(copies, phase.CopiesAt(now - phaseStart), end, budget);
                if (phase.Iterations is not null)
                {
                    await Task.WhenAll(copies.Select(c => c.Loop)).ConfigureAwait(false);
                    break;
                }

                var next = phase.IsRamping ? Min(now + ControlStep, end) : end;
                await Clock.DelayUntilAsync(next, _cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            foreach (var copy in copies)
            {
                copy.Stop();
            }

            await Task.WhenAll(copies.Select(c => c.Loop)).ConfigureAwait(false);
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private void Resize(List<Copy> copies, int target, TimeSpan end, IterationBudget? budget)
    {
        var running = copies.Count(c => !c.Stopping);
        for (var i = copies.Count - 1; i >= 0 && running > target; i--)
        {
            if (!copies[i].Stopping)
            {
                copies[i].Stop();
                running--;
            }
        }

        for (var i = 0; i < copies.Count && running < target; i++)
        {
            // A stopped copy is restarted only once its last iteration has ended: a context is never shared.
            if (copies[i].Stopping && copies[i].Loop.IsCompleted)
            {
                copies[i] = StartCopy(i, end, budget);
                running++;
            }
        }

        while (running < target)
        {
            copies.Add(StartCopy(copies.Count, end, budget));
            running++;
        }
    }

    private Copy StartCopy(int number, TimeSpan end, IterationBudget? budget)
    {
        var copy = new Copy();
        copy.Loop = LoopAsync(number, copy, end, budget);
        return copy;
    }

    private async Task LoopAsync(int number, Copy copy, TimeSpan end, IterationBudget? budget)
    {
        await Task.Yield();
        var context = _contexts.Get(number);
        while (!copy.Stopping && !_cancellationToken.IsCancellationRequested)
        {
            var now = Clock.Now;
            if (now >= end || (budget is not null && !budget.TryTake()))
            {
                return;
            }

            await _executor.RunAsync(context, now).ConfigureAwait(false);
        }
    }

    private sealed class Copy
    {
        private volatile bool _stopping;

        public Task Loop { get; set; } = Task.CompletedTask;

        public bool Stopping => _stopping;

        public void Stop() => _stopping = true;
    }
}
