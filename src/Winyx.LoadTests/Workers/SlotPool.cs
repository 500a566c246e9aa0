using System.Collections.Concurrent;

namespace Winyx.LoadTests.Workers;

/// <summary>
/// The open model's workers: up to a maximum of slots, each running one iteration at a time on the
/// thread pool. Slots are created on demand and reused.
/// </summary>
internal sealed class SlotPool : ISlotSource
{
    private readonly ConcurrentStack<OpenSlot> _free = new();
    private readonly IterationExecutor _executor;
    private readonly ContextPool _contexts;
    private readonly int _max;
    private int _created;

    public SlotPool(IterationExecutor executor, ContextPool contexts, int maxConcurrency)
    {
        _executor = executor;
        _contexts = contexts;
        _max = maxConcurrency;
    }

    /// <summary>Slots running an iteration now.</summary>
    public int Busy => Volatile.Read(ref _created) - _free.Count;

    public bool TryStart(TimeSpan intendedStart)
    {
        var slot = Rent();
        if (slot is null)
        {
            return false;
        }

        slot.Start(intendedStart);
        return true;
    }

    /// <summary>Waits until every slot is free again (the last iterations of the window ended).</summary>
    public async Task WaitIdleAsync(CancellationToken cancellationToken)
    {
        while (Busy > 0 && !cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(5), CancellationToken.None).ConfigureAwait(false);
        }
    }

    internal void Return(OpenSlot slot) => _free.Push(slot);

    private OpenSlot? Rent()
    {
        if (_free.TryPop(out var slot))
        {
            return slot;
        }

        var number = Interlocked.Increment(ref _created);
        if (number <= _max)
        {
            return new OpenSlot(_executor, _contexts.Get(number - 1), this);
        }

        Interlocked.Decrement(ref _created);
        return null;
    }
}
