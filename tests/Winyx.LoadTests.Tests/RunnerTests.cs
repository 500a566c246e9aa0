using Winyx.LoadTests.Feeds;
using Winyx.LoadTests.Scenarios;
using Winyx.LoadTests.Simulations;
using Winyx.LoadTests.Tests.Infrastructure;

namespace Winyx.LoadTests.Tests;

public class RunnerTests
{
    [Fact]
    public async Task KeepConstantRunsUntilTheClockPassesItsDuration()
    {
        var clock = new ManualClock();
        // Each iteration takes 10 ms of the test's clock: one copy for 1 s fits exactly 100.
        var scenario = Scenario.Create("tick", _ =>
            {
                clock.Advance(TimeSpan.FromMilliseconds(10));
                return Task.FromResult(Response.Ok());
            })
            .WithLoadSimulations(Simulation.KeepConstant(1, TimeSpan.FromSeconds(1)));

        var result = await TestScenarios.Quiet(scenario).WithClock(clock).RunAsync();

        Assert.Equal(100, result.Scenario("tick").Ok.Request.Count);
        Assert.Equal(TimeSpan.FromSeconds(1), result.Scenario("tick").Duration);
    }

    [Fact]
    public async Task IterationsForConstantRunsExactlyItsCountAcrossCopies()
    {
        var workers = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();
        var scenario = Scenario.Create("count", async ctx =>
            {
                workers.AddOrUpdate(ctx.WorkerNumber, 1, (_, n) => n + 1);
                await Task.Yield();
                return Response.Ok();
            })
            .WithLoadSimulations(Simulation.IterationsForConstant(copies: 4, iterations: 1000));

        var result = await TestScenarios.Quiet(scenario).RunAsync();

        Assert.Equal(1000, result.Scenario("count").AllRequestCount);
        Assert.Equal(1000, workers.Values.Sum());
        Assert.True(workers.Keys.All(k => k is >= 0 and < 4));
    }

    [Fact]
    public async Task OpenModelRunsEveryScheduledIterationWhateverTheMachinesSpeed()
    {
        // 200/s for 0.5 s is 100 iterations by schedule: late ones are caught up, none are lost.
        var scenario = TestScenarios.Ok("open").WithLoadSimulations(Simulation.Inject(200, TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(500)));

        var stats = (await TestScenarios.Quiet(scenario).RunAsync()).Scenario("open");

        Assert.Equal(100, stats.AllRequestCount);
        Assert.Equal(0, stats.DroppedIterations);
        Assert.Equal(100, stats.SchedulerLag.Count);
        Assert.True(stats.CorrectedLatency.MaxMs >= stats.Ok.Latency.MaxMs - 0.01);
    }

    [Fact]
    public async Task OpenModelWithOneSlotDropsWhatCannotStart()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var scenario = Scenario.Create("gated", async ctx =>
            {
                await release.Task.WaitAsync(ctx.CancellationToken);
                return Response.Ok();
            })
            .WithMaxConcurrency(1)
            .WithLoadSimulations(Simulation.IterationsForInject(1000, TimeSpan.FromSeconds(1), 20));
        var run = TestScenarios.Quiet(scenario).RunAsync();

        // The first iteration holds the only slot; the 19 after it find no slot and are dropped.
        await Poll.UntilAsync(() => EngineProbe.Dropped("gated") == 19, "19 iterations dropped");
        release.SetResult();
        var stats = (await run).Scenario("gated");

        Assert.Equal(1, stats.AllRequestCount);
        Assert.Equal(19, stats.DroppedIterations);
    }

    [Fact]
    public async Task StepsAreReportedApartFromTheWholeIteration()
    {
        var scenario = Scenario.Create("steps", async ctx =>
            {
                await Step.Run("login", ctx, () => Task.FromResult(Response.Ok(200, 5)));
                return await Step.Run("read", ctx, () => ctx.InvocationNumber % 2 == 0
                    ? Task.FromResult(Response.Ok(200, 20))
                    : throw new InvalidOperationException("read broke"));
            })
            .WithLoadSimulations(Simulation.IterationsForConstant(1, 10));

        var stats = (await TestScenarios.Quiet(scenario).RunAsync()).Scenario("steps");

        Assert.Equal(["login", "read"], stats.Steps.Select(s => s.Name));
        Assert.Equal(10, stats.Step("login").Ok.Request.Count);
        Assert.Equal((5, 5), (stats.Step("read").Ok.Request.Count, stats.Step("read").Fail.Request.Count));
        Assert.Equal((5, 5), (stats.Ok.Request.Count, stats.Fail.Request.Count));
        Assert.Equal(50 + 100, stats.Step("login").AllBytes + stats.Step("read").AllBytes);
    }

    [Fact]
    public async Task InitRunsBeforeAndCleanAfterEveryIteration()
    {
        var events = new List<string>();
        var scenario = Scenario.Create("life", _ =>
            {
                lock (events)
                {
                    events.Add("iteration");
                }

                return Task.FromResult(Response.Ok());
            })
            .WithInit(_ => Task.Run(() => events.Add("init")))
            .WithClean(_ => Task.Run(() => events.Add("clean")))
            .WithLoadSimulations(Simulation.IterationsForConstant(2, 6));

        await TestScenarios.Quiet(scenario).RunAsync();

        Assert.Equal(["init", .. Enumerable.Repeat("iteration", 6), "clean"], events);
    }

    [Fact]
    public async Task WarmUpIterationsAreRunButNotMeasured()
    {
        var warmUpSeen = 0;
        var scenario = Scenario.Create("warm", ctx =>
            {
                if (ctx.IsWarmUp)
                {
                    Interlocked.Increment(ref warmUpSeen);
                }

                return Task.FromResult(Response.Ok());
            })
            .WithWarmUpDuration(TimeSpan.FromMilliseconds(200))
            .WithLoadSimulations(Simulation.IterationsForInject(1000, TimeSpan.FromSeconds(1), 50));

        var stats = (await TestScenarios.Quiet(scenario).RunAsync()).Scenario("warm");

        Assert.Equal(50, stats.AllRequestCount);
        Assert.Equal(200, stats.WarmUpIterations);
        Assert.Equal(200, warmUpSeen);
    }

    [Fact]
    public async Task WeightedScenarioSplitsIterationsByWeight()
    {
        var heavy = TestScenarios.Ok("heavy").WithWeight(3);
        var light = TestScenarios.Ok("light").WithWeight(1);
        var mix = Scenario.Weighted("mix", heavy, light).WithLoadSimulations(Simulation.IterationsForConstant(2, 4000));

        var stats = (await TestScenarios.Quiet(mix).RunAsync()).Scenario("mix");

        var heavyShare = stats.Step("heavy").AllRequestCount / 4000.0;
        Assert.Equal(4000, stats.Step("heavy").AllRequestCount + stats.Step("light").AllRequestCount);
        Assert.InRange(heavyShare, 0.70, 0.80);
    }

    [Fact]
    public async Task CircularFeedHandsEveryItemInTurnAcrossWorkers()
    {
        var feed = DataFeed.Circular(["a", "b", "c"]);
        var seen = new System.Collections.Concurrent.ConcurrentBag<string>();
        var scenario = Scenario.Create("feed", ctx =>
            {
                seen.Add(feed.Next(ctx));
                return Task.FromResult(Response.Ok());
            })
            .WithLoadSimulations(Simulation.IterationsForConstant(3, 30));

        await TestScenarios.Quiet(scenario).RunAsync();

        Assert.Equal(new Dictionary<string, int> { ["a"] = 10, ["b"] = 10, ["c"] = 10 }, seen.GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count()));
    }

    [Fact]
    public void ScenariosNeedDistinctNames() =>
        Assert.Throws<ArgumentException>(() => Runner.LoadRunner.Create(TestScenarios.Ok("x"), TestScenarios.Ok("x")));

    [Fact]
    public async Task PauseHoldsTheLoadForItsDurationBetweenPhases()
    {
        var clock = new ManualClock();
        var starts = new List<TimeSpan>();
        var scenario = Scenario.Create("paused", _ =>
            {
                lock (starts)
                {
                    starts.Add(clock.Now);
                }

                return Task.FromResult(Response.Ok());
            })
            .WithLoadSimulations(
                Simulation.IterationsForConstant(1, 5),
                Simulation.Pause(TimeSpan.FromMilliseconds(100)),
                Simulation.IterationsForConstant(1, 5));
        var run = TestScenarios.Quiet(scenario).WithClock(clock).RunAsync();

        // The test is the clock: it moves a millisecond at a time until the run ends.
        while (!run.IsCompleted)
        {
            clock.Advance(TimeSpan.FromMilliseconds(1));
            await Task.Yield();
        }

        var stats = (await run).Scenario("paused");
        Assert.Equal(10, stats.AllRequestCount);
        Assert.True(starts[5] - starts[4] >= TimeSpan.FromMilliseconds(100), $"the 6th iteration started {starts[5] - starts[4]} after the 5th");
    }
}
