using Winyx.LoadTests.Scenarios;
using Winyx.LoadTests.Stats;

namespace Winyx.LoadTests.Tests;

public class StatsTests
{
    private static readonly IReadOnlyList<string> NoSimulations = [];

    [Fact]
    public void PercentilesMatchKnownLatencies()
    {
        var collector = new ScenarioCollector("s", new StatsOptions());
        var recorder = collector.ShardFor(0).Scenario;
        for (var ms = 1; ms <= 1000; ms++)
        {
            recorder.Record(Response.Ok(200, 100), TimeSpan.FromMilliseconds(ms), TimeSpan.FromMilliseconds(ms));
        }

        collector.TakeSnapshot(TimeSpan.FromSeconds(10));
        var latency = collector.Stats(TimeSpan.FromSeconds(10), NoSimulations, 0).Ok.Latency;

        // HdrHistogram keeps 3 significant digits: every value is within 0.1 %.
        Assert.Equal(1000, latency.Count);
        Assert.Equal(1, latency.MinMs, 0.001);
        Assert.Equal(1000, latency.MaxMs, 1.0);
        Assert.Equal(500.5, latency.MeanMs, 0.5);
        Assert.Equal(288.7, latency.StdDevMs, 0.5);
        Assert.Equal(500, latency.P50, 0.5);
        Assert.Equal(750, latency.P75, 0.75);
        Assert.Equal(900, latency.Percentile(90), 0.9);
        Assert.Equal(950, latency.P95, 0.95);
        Assert.Equal(990, latency.P99, 1.0);
        Assert.Equal(999, latency.Percentile(99.9), 1.0);
    }

    [Fact]
    public void ConfiguredPercentilesAreTheOnesReported()
    {
        var collector = new ScenarioCollector("s", new StatsOptions { Percentiles = [10, 99.99] });
        collector.ShardFor(0).Scenario.Record(Response.Ok(), TimeSpan.FromMilliseconds(3), TimeSpan.FromMilliseconds(3));
        collector.TakeSnapshot(TimeSpan.FromSeconds(1));

        var latency = collector.Stats(TimeSpan.FromSeconds(1), NoSimulations, 0).Ok.Latency;

        Assert.Equal([10, 99.99], latency.Percentiles.Select(p => p.Percentile));
        Assert.Throws<ArgumentOutOfRangeException>(() => latency.P50);
    }

    [Fact]
    public void ShardsMergeIntoOneViewWithStatusCodesAndBytes()
    {
        var collector = new ScenarioCollector("s", new StatsOptions(), shards: 2);
        collector.ShardFor(0).Scenario.Record(Response.Ok(200, 100), TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(1));
        collector.ShardFor(1).Scenario.Record(Response.Ok(200, 300), TimeSpan.FromMilliseconds(2), TimeSpan.FromMilliseconds(2));
        collector.ShardFor(1).Scenario.Record(Response.Fail(503, 50), TimeSpan.FromMilliseconds(3), TimeSpan.FromMilliseconds(9));
        collector.ShardFor(0).Step("login").Record(Response.Ok(201, 7), TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(1));
        collector.ShardFor(1).Step("login").Record(Response.Ok(201, 9), TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(1));
        collector.TakeSnapshot(TimeSpan.FromSeconds(2));

        var stats = collector.Stats(TimeSpan.FromSeconds(2), NoSimulations, 0);

        Assert.Equal(2, stats.Ok.Request.Count);
        Assert.Equal(1, stats.Fail.Request.Count);
        Assert.Equal(1.0, stats.Ok.Request.Rps);
        Assert.Equal(66.67, stats.Ok.Request.Percent);
        Assert.Equal(450, stats.Iteration.AllBytes);
        Assert.Equal(new DataTransferStats(400, 100, 200, 300), stats.Ok.DataTransfer);
        Assert.Contains(new StatusCodeCount(200, 2, false), stats.Iteration.StatusCodes);
        Assert.Contains(new StatusCodeCount(503, 1, true), stats.Iteration.StatusCodes);
        Assert.Equal(9, stats.CorrectedLatency.MaxMs, 0.01);
        var login = stats.Step("login");
        Assert.Equal(2, login.Ok.Request.Count);
        Assert.Equal([new StatusCodeCount(201, 2, false)], login.StatusCodes);
    }

    [Fact]
    public void EachSnapshotCountsOnlyItsOwnInterval()
    {
        var collector = new ScenarioCollector("s", new StatsOptions());
        var recorder = collector.ShardFor(0).Scenario;
        for (var i = 0; i < 30; i++)
        {
            recorder.Record(Response.Ok(), TimeSpan.FromMilliseconds(2), TimeSpan.FromMilliseconds(2));
        }

        var first = collector.TakeSnapshot(TimeSpan.FromSeconds(1));
        for (var i = 0; i < 10; i++)
        {
            recorder.Record(i < 5 ? Response.Ok() : Response.Fail(), TimeSpan.FromMilliseconds(8), TimeSpan.FromMilliseconds(8));
        }

        var second = collector.TakeSnapshot(TimeSpan.FromSeconds(3));

        Assert.Equal((30, 0, 30.0), (first.OkCount, first.FailCount, first.Rps));
        Assert.Equal((5, 5, 5.0), (second.OkCount, second.FailCount, second.Rps));
        Assert.Equal(TimeSpan.FromSeconds(2), second.Interval);
        Assert.Equal(8, second.Latency.P50, 0.01);
        Assert.Equal(35, collector.Stats(TimeSpan.FromSeconds(3), NoSimulations, 0).Ok.Request.Count);
    }

    [Fact]
    public void StatusCodesOutsideTheTableAreCountedAsOther()
    {
        var collector = new ScenarioCollector("s", new StatsOptions());
        collector.ShardFor(0).Scenario.Record(Response.Fail(12345), TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(1));
        collector.TakeSnapshot(TimeSpan.FromSeconds(1));

        var codes = collector.Stats(TimeSpan.FromSeconds(1), NoSimulations, 0).Iteration.StatusCodes;

        Assert.Equal([new StatusCodeCount(-1, 1, true)], codes);
    }
}
