using Winyx.LoadTests.Scheduling;
using Winyx.LoadTests.Simulations;

namespace Winyx.LoadTests.Tests;

public class ClosedPlanTests
{
    [Fact]
    public void RampingConstantStartsFromThePreviousCopyCount()
    {
        var phases = LoadPlan.Build([
            Simulation.KeepConstant(4, TimeSpan.FromSeconds(5)),
            Simulation.RampingConstant(10, TimeSpan.FromSeconds(6)),
            Simulation.RampingConstant(0, TimeSpan.FromSeconds(2)),
        ]);
        var up = (ClosedPhase)phases[1];
        var down = (ClosedPhase)phases[2];

        Assert.Equal([4, 5, 6, 7, 8, 9, 10], Enumerable.Range(0, 7).Select(s => up.CopiesAt(TimeSpan.FromSeconds(s))));
        Assert.Equal(10, up.CopiesAt(TimeSpan.FromSeconds(60)));
        Assert.Equal([10, 5, 0], new[] { 0, 1, 2 }.Select(s => down.CopiesAt(TimeSpan.FromSeconds(s))));
    }

    [Fact]
    public void FirstRampStartsFromNoCopies()
    {
        var ramp = (ClosedPhase)LoadPlan.Build([Simulation.RampingConstant(8, TimeSpan.FromSeconds(4))])[0];

        Assert.Equal(0, ramp.CopiesAt(TimeSpan.Zero));
        Assert.Equal(4, ramp.CopiesAt(TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public void PauseBetweenModelsKeepsEachModelsLastLevel()
    {
        var phases = LoadPlan.Build([
            Simulation.Inject(40, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)),
            Simulation.KeepConstant(3, TimeSpan.FromSeconds(1)),
            Simulation.Pause(TimeSpan.FromSeconds(1)),
            Simulation.RampingInject(0, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)),
        ]);

        Assert.IsType<PausePhase>(phases[2]);
        // Ramping down from 40/s to 0 over 2 s: 40 iterations.
        Assert.Equal(40, ((OpenPhase)phases[3]).TotalIterations);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void InvalidRatesAreRejected(double rate) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Simulation.Inject(rate, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));
}
