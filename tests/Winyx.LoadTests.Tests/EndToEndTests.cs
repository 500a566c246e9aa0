using System.Text.Json;
using Winyx.LoadTests.Cli;
using Winyx.LoadTests.Clients;
using Winyx.LoadTests.Runner;
using Winyx.LoadTests.Scenarios;
using Winyx.LoadTests.Simulations;
using Winyx.LoadTests.Tests.Infrastructure;

namespace Winyx.LoadTests.Tests;

public class EndToEndTests : IClassFixture<TestTarget>, IDisposable
{
    private readonly TestTarget _target;
    private readonly string _out = Directory.CreateTempSubdirectory("winyx-load-e2e-").FullName;

    public EndToEndTests(TestTarget target)
    {
        _target = target;
    }

    public void Dispose() => Directory.Delete(_out, recursive: true);

    private static async Task<(int Code, string Output, string Error)> CliAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("sockets")]
    [InlineData("raw")]
    public async Task HttpCommandClosedModelLoadsTheTargetAndWritesFourReports(string client)
    {
        var hitsBefore = _target.Hits;
        // A count, not a time window: how many requests fit in 300 ms depends on the box.
        var (code, output, error) = await CliAsync("http", "--url", _target.BaseAddress.ToString(), "--copies", "2", "--iterations", "20", "--out", _out, "--client", client);

        Assert.True(code == 0, output + error);
        Assert.Equal(["http.csv", "http.html", "http.json", "http.md"], Directory.GetFiles(_out).Select(Path.GetFileName).Order());
        var text = await File.ReadAllTextAsync(Path.Combine(_out, "http.json"));
        using var json = JsonDocument.Parse(text);
        var iteration = json.RootElement.GetProperty("scenarios")[0].GetProperty("iteration");
        var ok = iteration.GetProperty("ok").GetProperty("request").GetProperty("count").GetInt64();
        var fail = iteration.GetProperty("fail").GetProperty("request").GetProperty("count").GetInt64();
        var statusCodes = iteration.GetProperty("statusCodes").EnumerateArray().Select(c => c.GetProperty("statusCode").GetInt32()).ToArray();
        var hits = _target.Hits - hitsBefore;
        Assert.True(ok == 20 && fail == 0 && statusCodes.SequenceEqual([200]) && iteration.GetProperty("allBytes").GetInt64() == 13 * ok && hits >= ok, $"hits {hits}; {output}\n{text}");
        Assert.Contains("requests in", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HttpCommandOpenModelSendsExactlyTheScheduledRequests()
    {
        var (code, output, error) = await CliAsync("http", "--url", _target.BaseAddress.ToString(), "--rate", "200", "--duration", "500ms", "--out", _out, "--no-progress");

        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_out, "http.json")));
        var scenario = json.RootElement.GetProperty("scenarios")[0];
        Assert.Equal(100, scenario.GetProperty("iteration").GetProperty("ok").GetProperty("request").GetProperty("count").GetInt64());
        Assert.Equal(0, scenario.GetProperty("droppedIterations").GetInt64());
        Assert.Equal(100, scenario.GetProperty("schedulerLag").GetProperty("count").GetInt64());
        Assert.Contains("open model: target 200.0/s", output, StringComparison.Ordinal);
        Assert.DoesNotContain("[00:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailingRequestsBreakTheFailThresholdAndTheExitCode()
    {
        var url = new Uri(_target.BaseAddress, "fail").ToString();
        var (code, output, _) = await CliAsync("http", "--url", url, "--copies", "1", "--iterations", "5", "--max-fail-percent", "0", "--out", _out, "--no-progress");

        Assert.Equal(RunResult.ThresholdFailed, code);
        Assert.Contains("threshold fail % <= 0: FAILED", output, StringComparison.Ordinal);
        Assert.Contains("| 500 |", await File.ReadAllTextAsync(Path.Combine(_out, "http.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnreachableTargetIsAFailureWithStatusZeroNotACrash()
    {
        using var http = new HttpLoadClient(timeout: TimeSpan.FromSeconds(5));
        // Port 1 on loopback refuses connections.
        var scenario = Scenario.Create("refused", ctx => http.GetAsync(new Uri("http://127.0.0.1:1/"), ctx.CancellationToken))
            .WithLoadSimulations(Simulation.IterationsForConstant(1, 3));

        var stats = (await TestScenarios.Quiet(scenario).RunAsync()).Scenario("refused");

        Assert.Equal(3, stats.Fail.Request.Count);
        Assert.Equal([new Stats.StatusCodeCount(0, 3, true)], stats.Iteration.StatusCodes);
    }

    [Fact]
    public async Task EngineStatsArePublishedOnTheWinyxLoadTestsMeter()
    {
        using var http = new HttpLoadClient();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sent = 0;
        var scenario = Scenario.Create("metered", async ctx =>
            {
                if (Interlocked.Increment(ref sent) == 50)
                {
                    await release.Task.WaitAsync(ctx.CancellationToken);
                }

                return await http.GetAsync(_target.BaseAddress, ctx.CancellationToken);
            })
            .WithLoadSimulations(Simulation.IterationsForConstant(1, 60));
        var run = TestScenarios.Quiet(scenario).RunAsync();

        // While the 50th iteration is held, a snapshot has published the 49 before it.
        await Poll.UntilAsync(() => EngineProbe.Read("winyx.loadtest.iterations", "metered", "outcome", "ok").Sum() == 49, "49 ok iterations on the meter");
        Assert.Equal(49 * 13, EngineProbe.Read("winyx.loadtest.bytes", "metered").Sum());
        Assert.Equal([1.0], EngineProbe.Read("winyx.loadtest.in_flight", "metered"));
        Assert.Equal(6, EngineProbe.Read("winyx.loadtest.latency", "metered").Count);
        release.SetResult();
        var result = await run;

        Assert.Equal(60, result.Scenario("metered").Ok.Request.Count);
        Assert.Empty(EngineProbe.Read("winyx.loadtest.iterations", "metered"));
    }
}
