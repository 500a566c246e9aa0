using Winyx.LoadTests.Scheduling;
using Winyx.LoadTests.Simulations;
using Winyx.LoadTests.Stats;
using Winyx.LoadTests.Workers;

namespace Winyx.LoadTests.Tests;

public class OpenDispatcherTests
{
    [Fact]
    public void DueIterationsFindingEverySlotBusyAreDroppedAndCounted()
    {
        var collector = new ScenarioCollector("s", new StatsOptions());
        var slots = new FixedSlots(capacity: 1);
        var dispatcher = new OpenDispatcher(slots, collector);
        var scheduler = new OpenScheduler((OpenPhase)LoadPlan.Build([Simulation.Inject(10, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10))])[0]);
        var due = new List<TimeSpan>();

        var now = TimeSpan.FromSeconds(1);
        scheduler.TakeDue(now, due);
        var started = due.Count(intended => dispatcher.Dispatch(intended, now));

        Assert.Equal(11, due.Count);
        Assert.Equal(1, started);
        Assert.Equal(10, collector.Dropped);
        Assert.Equal([TimeSpan.Zero], slots.Started);
    }

    [Fact]
    public void SchedulerLagIsHowLateEachIterationWasHandedOver()
    {
        var collector = new ScenarioCollector("s", new StatsOptions());
        var dispatcher = new OpenDispatcher(new FixedSlots(capacity: 100), collector);

        // Ten iterations each handed over 4 ms late, one 40 ms late.
        for (var i = 0; i < 10; i++)
        {
            dispatcher.Dispatch(TimeSpan.FromMilliseconds(i * 10), TimeSpan.FromMilliseconds((i * 10) + 4));
        }

        dispatcher.Dispatch(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(140));
        var snapshot = collector.TakeSnapshot(TimeSpan.FromSeconds(1));
        var stats = collector.Stats(TimeSpan.FromSeconds(1), [], 0);

        Assert.Equal(11, stats.SchedulerLag.Count);
        Assert.Equal(4, stats.SchedulerLag.P50, 1);
        Assert.Equal(40, stats.SchedulerLag.MaxMs, 1);
        Assert.Equal(40, snapshot.SchedulerLagP99Ms, 1);
        Assert.Equal(0, stats.DroppedIterations);
    }

    private sealed class FixedSlots(int capacity) : ISlotSource
    {
        public List<TimeSpan> Started { get; } = [];

        public bool TryStart(TimeSpan intendedStart)
        {
            if (Started.Count >= capacity)
            {
                return false;
            }

            Started.Add(intendedStart);
            return true;
        }
    }
}
