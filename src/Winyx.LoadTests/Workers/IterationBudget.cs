namespace Winyx.LoadTests.Workers;

/// <summary>A shared count of iterations left, taken one at a time by many workers.</summary>
internal sealed class IterationBudget
{
    private long _remaining;

    public IterationBudget(long iterations)
    {
        _remaining = iterations;
    }

    public bool TryTake() => Interlocked.Decrement(ref _remaining) >= 0;
}
