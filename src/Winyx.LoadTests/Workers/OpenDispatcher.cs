using Winyx.LoadTests.Stats;

namespace Winyx.LoadTests.Workers;

/// <summary>
/// Hands due iterations to free slots: records how late the hand-over is (the scheduler's lag) and
/// drops the iteration, counted, when no slot is free, as k6's <c>dropped_iterations</c>.
/// </summary>
internal sealed class OpenDispatcher
{
    private readonly ISlotSource _slots;
    private readonly ScenarioCollector _collector;

    public OpenDispatcher(ISlotSource slots, ScenarioCollector collector)
    {
        _slots = slots;
        _collector = collector;
    }

    /// <summary>Dispatches one iteration at <paramref name="now"/>; false when it was dropped.</summary>
    public bool Dispatch(TimeSpan intendedStart, TimeSpan now)
    {
        _collector.RecordLag(now - intendedStart);
        if (_slots.TryStart(intendedStart))
        {
            return true;
        }

        _collector.RecordDropped();
        return false;
    }
}
