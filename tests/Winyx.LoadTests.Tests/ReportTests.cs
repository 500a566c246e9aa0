using System.Text.Json;
using Winyx.LoadTests.Reporting;
using Winyx.LoadTests.Runner;
using Winyx.LoadTests.Scenarios;
using Winyx.LoadTests.Simulations;
using Winyx.LoadTests.Tests.Infrastructure;
using Winyx.LoadTests.Thresholds;

namespace Winyx.LoadTests.Tests;

public class ReportTests : IAsyncLifetime
{
    private RunResult _result = null!;
    private int _iterations;

    public async Task InitializeAsync()
    {
        var scenario = Scenario.Create("report", async ctx =>
            {
                await Step.Run("get", ctx, () => Task.FromResult(Response.Ok(200, 2048)));
                return Interlocked.Increment(ref _iterations) % 10 == 0 ? Response.Fail(503) : Response.Ok(200, 2048);
            })
            .WithLoadSimulations(Simulation.IterationsForInject(2000, TimeSpan.FromSeconds(1), 300));
        _result = await TestScenarios.Quiet(scenario)
            .WithThresholds(Threshold.Create("report", s => s.Ok.Latency.P99 < 10_000))
            .RunAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void CsvHasNBombersColumnsAndARowPerScenarioAndStep()
    {
        var lines = new CsvReportWriter().Render(new LoadReport(_result)).TrimEnd('\n').Split('\n');

        Assert.Equal(
            "test_suite,test_name,scenario,duration,step_name,request_count,ok,failed,rps,min,mean,max,50_percent,75_percent,95_percent,99_percent,std_dev,data_transfer_min_kb,data_transfer_mean_kb,data_transfer_max_kb,data_transfer_all_mb",
            lines[0]);
        Assert.Equal(3, lines.Length);
        var global = lines[1].Split(',');
        Assert.Equal(21, global.Length);
        Assert.Equal(("report", "global information", "300", "270", "30"), (global[2], global[4], global[5], global[6], global[7]));
        Assert.Equal("2", global[19]); // 2048 bytes = 2 KB per ok request
        Assert.StartsWith("winyx,winyx_load_test,report,", lines[2], StringComparison.Ordinal);
        Assert.Equal("get", lines[2].Split(',')[4]);
    }

    [Fact]
    public void JsonCarriesScenariosTimelinesThresholdsAndTheAlertTimeline()
    {
        var report = new LoadReport(_result) { AlertTimeline = [new AlertTimelineEntry("HighErrorRate", _result.StartedAt.AddSeconds(1), null)] };
        using var json = JsonDocument.Parse(new JsonReportWriter().Render(report));
        var root = json.RootElement;

        Assert.Equal(0, root.GetProperty("exitCode").GetInt32());
        var scenario = root.GetProperty("scenarios")[0];
        Assert.Equal("report", scenario.GetProperty("name").GetString());
        Assert.Equal(270, scenario.GetProperty("iteration").GetProperty("ok").GetProperty("request").GetProperty("count").GetInt64());
        Assert.Equal(6, scenario.GetProperty("iteration").GetProperty("ok").GetProperty("latency").GetProperty("percentiles").GetArrayLength());
        Assert.Equal(JsonValueKind.Number, scenario.GetProperty("schedulerLag").GetProperty("maxMs").ValueKind);
        Assert.Equal(0, scenario.GetProperty("droppedIterations").GetInt64());
        Assert.Equal("get", scenario.GetProperty("steps")[0].GetProperty("name").GetString());
        Assert.True(root.GetProperty("timelines")[0].GetProperty("snapshots").GetArrayLength() >= 1);
        Assert.True(root.GetProperty("thresholds")[0].GetProperty("passed").GetBoolean());
        Assert.Equal("HighErrorRate", root.GetProperty("alertTimeline")[0].GetProperty("alertName").GetString());
    }

    [Fact]
    public void HtmlDrawsChartsAsInlineSvgAndLeavesTheAlertTimelineSection()
    {
        var html = new HtmlReportWriter().Render(new LoadReport(_result));

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.True(html.Split("<svg").Length - 1 >= 2, "an RPS chart and a latency chart");
        Assert.Contains("<polyline", html, StringComparison.Ordinal);
        Assert.Contains($"<section id=\"{HtmlReportWriter.AlertTimelineId}\">", html, StringComparison.Ordinal);
        Assert.Contains("No alert timeline was supplied", html, StringComparison.Ordinal);
    }

    [Fact]
    public void HtmlDrawsTheAlertTimelineACallerSupplies()
    {
        var start = _result.StartedAt;
        var report = new LoadReport(_result)
        {
            AlertTimeline =
            [
                new AlertTimelineEntry("HighErrorRate", start.AddSeconds(1), start.AddSeconds(2)),
                new AlertTimelineEntry("RedisDown <&>", start.AddSeconds(1.5), null),
            ],
        };

        var html = new HtmlReportWriter().Render(report);
        var section = html[html.IndexOf($"id=\"{HtmlReportWriter.AlertTimelineId}\"", StringComparison.Ordinal)..];

        Assert.Contains("<svg", section, StringComparison.Ordinal);
        Assert.Contains("HighErrorRate", section, StringComparison.Ordinal);
        Assert.Contains("RedisDown &lt;&amp;&gt;", section, StringComparison.Ordinal);
        Assert.Contains("still firing", section, StringComparison.Ordinal);
    }

    [Fact]
    public void MarkdownSummarisesScenarioStepsStatusCodesAndThresholds()
    {
        var md = new MarkdownReportWriter().Render(new LoadReport(_result));

        Assert.Contains("## Scenario `report`", md, StringComparison.Ordinal);
        Assert.Contains("| get | ok | 300 |", md, StringComparison.Ordinal);
        Assert.Contains("| 503 | 30 | fail |", md, StringComparison.Ordinal);
        Assert.Contains("scheduler lag", md, StringComparison.Ordinal);
        Assert.Contains("## Thresholds", md, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteAllWritesOneFilePerFormat()
    {
        var folder = Directory.CreateTempSubdirectory("winyx-load-report-").FullName;
        try
        {
            var files = ReportSet.WriteAll(new LoadReport(_result), folder, "run");

            Assert.Equal(["run.html", "run.md", "run.csv", "run.json"], files.Select(Path.GetFileName));
            Assert.All(files, f => Assert.True(new FileInfo(f).Length > 100, f));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
