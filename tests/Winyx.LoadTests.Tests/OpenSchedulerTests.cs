using Winyx.LoadTests.Scheduling;
using Winyx.LoadTests.Simulations;

namespace Winyx.LoadTests.Tests;

public class OpenSchedulerTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private static OpenPhase Phase(params LoadSimulation[] simulations) =>
        LoadPlan.Build(simulations).OfType<OpenPhase>().Last();

    private static List<TimeSpan> TakeAll(OpenScheduler scheduler, TimeSpan now)
    {
        var due = new List<TimeSpan>();
        scheduler.TakeDue(now, due);
        return due;
    }

    [Fact]
    public void InjectTenPerSecondForTenSecondsSchedulesExactlyOneHundredEvenlySpacedIterations()
    {
        var phase = Phase(Simulation.Inject(10, Second, TimeSpan.FromSeconds(10)));
        var scheduler = new OpenScheduler(phase);

        var due = TakeAll(scheduler, TimeSpan.FromSeconds(10));

        Assert.Equal(100, phase.TotalIterations);
        Assert.Equal(100, due.Count);
        Assert.Null(scheduler.NextDue);
        for (var k = 0; k < due.Count; k++)
        {
            Assert.Equal(TimeSpan.FromMilliseconds(100 * k), due[k]);
        }
    }

    [Fact]
    public void FractionalRateStartsOneIterationEveryTwoSeconds()
    {
        var scheduler = new OpenScheduler(Phase(Simulation.Inject(0.5, Second, TimeSpan.FromSeconds(10))));

        var due = TakeAll(scheduler, TimeSpan.FromSeconds(10));

        Assert.Equal([0, 2, 4, 6, 8], due.Select(d => d.TotalSeconds));
    }

    [Fact]
    public void RatePerIntervalIsSpreadOverTheInterval()
    {
        // 3 per 2 seconds is 1.5 per second.
        var scheduler = new OpenScheduler(Phase(Simulation.Inject(3, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4))));

        var due = TakeAll(scheduler, TimeSpan.FromSeconds(4));

        Assert.Equal(6, due.Count);
        Assert.Equal(2.0 / 3, due[1].TotalSeconds, 6);
    }

    [Fact]
    public void LateCallerCatchesUpEveryMissedIterationWithItsIntendedStart()
    {
        var scheduler = new OpenScheduler(Phase(Simulation.Inject(10, Second, TimeSpan.FromSeconds(10))));
        Assert.Single(TakeAll(scheduler, TimeSpan.Zero));

        // Woken 1.05 s late: the ten iterations due since come at once, each with its own intended time.
        var due = TakeAll(scheduler, TimeSpan.FromSeconds(1.05));

        Assert.Equal(10, due.Count);
        Assert.Equal(Enumerable.Range(1, 10).Select(k => TimeSpan.FromMilliseconds(100 * k)), due);
        Assert.Equal(TimeSpan.FromSeconds(1.1), scheduler.NextDue);
    }

    [Fact]
    public void NothingIsDueBeforeItsTime()
    {
        var scheduler = new OpenScheduler(Phase(Simulation.Inject(10, Second, TimeSpan.FromSeconds(10))));
        TakeAll(scheduler, TimeSpan.Zero);

        Assert.Empty(TakeAll(scheduler, TimeSpan.FromMilliseconds(99)));
        Assert.Single(TakeAll(scheduler, TimeSpan.FromMilliseconds(100)));
    }

    [Fact]
    public void RampingInjectRampsLinearlyFromThePreviousRate()
    {
        var phases = LoadPlan.Build([
            Simulation.Inject(10, Second, TimeSpan.FromSeconds(5)),
            Simulation.RampingInject(20, Second, TimeSpan.FromSeconds(10)),
        ]);
        var ramp = (OpenPhase)phases[1];
        var scheduler = new OpenScheduler(ramp);

        // ∫ from 10/s to 20/s over 10 s = 150; over the first 5 s = 10·5 + ½·1·5² = 62.5, so k = 0 … 62.
        Assert.Equal(150, ramp.TotalIterations);
        Assert.Equal(63, TakeAll(scheduler, TimeSpan.FromSeconds(5)).Count);
        Assert.Equal(87, TakeAll(scheduler, TimeSpan.FromSeconds(10)).Count);
    }

    [Fact]
    public void RampingInjectFromNothingGrowsQuadratically()
    {
        var scheduler = new OpenScheduler(Phase(Simulation.RampingInject(100, Second, TimeSpan.FromSeconds(10))));

        var firstHalf = TakeAll(scheduler, TimeSpan.FromSeconds(5)).Count;
        var secondHalf = TakeAll(scheduler, TimeSpan.FromSeconds(10)).Count;

        Assert.Equal(500, firstHalf + secondHalf);
        Assert.Equal(126, firstHalf); // Λ(5) = 5·5² = 125 → k = 0 … 125
    }

    [Fact]
    public void InjectRandomKeepsEachIntervalWithinItsBounds()
    {
        var scheduler = new OpenScheduler(Phase(Simulation.InjectRandom(10, 20, Second, TimeSpan.FromSeconds(20), seed: 7)));
        var due = TakeAll(scheduler, TimeSpan.FromSeconds(20));

        var perSecond = due.GroupBy(d => (int)d.TotalSeconds).Select(g => g.Count()).ToArray();

        Assert.Equal(20, perSecond.Length);
        // One iteration can straddle an interval's edge, so each bound is widened by one.
        Assert.All(perSecond, count => Assert.InRange(count, 9, 21));
        Assert.True(perSecond.Distinct().Count() > 1, "the rate should vary between intervals");
    }

    [Fact]
    public void IterationsForInjectSchedulesExactlyItsCountThenStops()
    {
        var scheduler = new OpenScheduler(Phase(Simulation.IterationsForInject(4, Second, 7)));

        var due = TakeAll(scheduler, TimeSpan.FromHours(1));

        Assert.Equal(7, due.Count);
        Assert.Equal(TimeSpan.FromSeconds(1.5), due[^1]);
        Assert.Null(scheduler.NextDue);
    }

    [Fact]
    public void WarmUpRunsTheFirstSimulationsSteadyLoad()
    {
        var warm = LoadPlan.WarmUp([Simulation.Pause(Second), Simulation.RampingInject(50, Second, TimeSpan.FromSeconds(10))], TimeSpan.FromSeconds(2));

        var phase = Assert.IsType<OpenPhase>(Assert.Single(warm));
        Assert.Equal(100, phase.TotalIterations);
    }
}
