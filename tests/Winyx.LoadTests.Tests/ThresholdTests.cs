using Winyx.LoadTests.Runner;
using Winyx.LoadTests.Scenarios;
using Winyx.LoadTests.Simulations;
using Winyx.LoadTests.Tests.Infrastructure;
using Winyx.LoadTests.Thresholds;

namespace Winyx.LoadTests.Tests;

public class ThresholdTests
{
    private static readonly LoadSimulation TenIterations = Simulation.IterationsForConstant(1, 10);

    [Fact]
    public async Task PassingThresholdsGiveExitCodeZero()
    {
        var result = await TestScenarios.Quiet(TestScenarios.Ok().WithLoadSimulations(TenIterations))
            .WithThresholds(Threshold.Create("s", s => s.Fail.Request.Percent < 1))
            .RunAsync();

        var threshold = Assert.Single(result.Thresholds);
        Assert.True(threshold.Passed);
        Assert.Equal("s => s.Fail.Request.Percent < 1", threshold.Description);
        Assert.Equal(RunResult.Success, result.ExitCode);
    }

    [Fact]
    public async Task FailedThresholdGivesANonZeroExitCode()
    {
        var result = await TestScenarios.Quiet(TestScenarios.Failing().WithLoadSimulations(TenIterations))
            .WithThresholds(Threshold.Create("s", s => s.Fail.Request.Percent < 1), Threshold.Create("s", s => s.AllRequestCount == 10))
            .RunAsync();

        Assert.False(result.Thresholds[0].Passed);
        Assert.True(result.Thresholds[1].Passed);
        Assert.Equal(RunResult.ThresholdFailed, result.ExitCode);
        Assert.False(result.Aborted);
    }

    [Fact]
    public async Task AbortingThresholdStopsTheRunWhileItGoes()
    {
        var scenario = Scenario.Create("s", async ctx =>
            {
                await Task.Delay(1, ctx.CancellationToken);
                return Response.Fail(500);
            })
            .WithLoadSimulations(Simulation.KeepConstant(1, TimeSpan.FromMinutes(10)));

        var result = await TestScenarios.Quiet(scenario)
            .WithThresholds(Threshold.Create("s", s => s.Fail.Request.Count == 0, abortWhenErrorCount: 2))
            .RunAsync();

        var threshold = Assert.Single(result.Thresholds);
        Assert.True(result.Aborted);
        Assert.Contains("s.Fail.Request.Count == 0", result.AbortReason, StringComparison.Ordinal);
        Assert.True(threshold.AbortedRun);
        Assert.False(threshold.Passed);
        Assert.True(threshold.FailedChecks >= 2);
        Assert.True(result.Scenario("s").Duration < TimeSpan.FromMinutes(10));
        Assert.Equal(RunResult.ThresholdFailed, result.ExitCode);
    }

    [Fact]
    public async Task StepThresholdsSeeTheirStepsStats()
    {
        var scenario = Scenario.Create("s", async ctx =>
            {
                await Step.Run("fast", ctx, () => Task.FromResult(Response.Ok()));
                return await Step.Run("broken", ctx, () => Task.FromResult(Response.Fail(503)));
            })
            .WithLoadSimulations(TenIterations);

        var result = await TestScenarios.Quiet(scenario)
            .WithThresholds(
                Threshold.Create("s", "fast", step => step.Fail.Request.Count == 0),
                Threshold.Create("s", "broken", step => step.Fail.Request.Count == 0),
                Threshold.Create("s", "missing", step => true))
            .RunAsync();

        Assert.Equal([true, false, false], result.Thresholds.Select(t => t.Passed));
        Assert.Contains("no step 'missing'", result.Thresholds[2].Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThresholdOnAnUnknownScenarioFails()
    {
        var result = await TestScenarios.Quiet(TestScenarios.Ok().WithLoadSimulations(TenIterations))
            .WithThresholds(Threshold.Create("nope", _ => true))
            .RunAsync();

        Assert.False(Assert.Single(result.Thresholds).Passed);
        Assert.Equal(RunResult.ThresholdFailed, result.ExitCode);
    }
}
