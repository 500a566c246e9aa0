using Winyx.LoadTests.Clients;
using Winyx.LoadTests.Scenarios;
using Winyx.LoadTests.Simulations;
using Winyx.LoadTests.Stats;
using Winyx.LoadTests.Tests.Infrastructure;

namespace Winyx.LoadTests.Tests;

public class Http1LoadClientTests : IClassFixture<TestTarget>
{
    private readonly TestTarget _target;

    public Http1LoadClientTests(TestTarget target)
    {
        _target = target;
    }

    private async Task<ScenarioStats> RunAsync(string path, int copies = 2, int iterations = 20, HttpMethod? method = null)
    {
        using var client = new Http1LoadClient(new Uri(_target.BaseAddress, path), method);
        var scenario = Scenario.Create("raw", client.SendAsync).WithLoadSimulations(Simulation.IterationsForConstant(copies, iterations));
        return (await TestScenarios.Quiet(scenario).RunAsync()).Scenario("raw");
    }

    [Fact]
    public async Task KeepAliveRequestsCountStatusAndBodyBytes()
    {
        var stats = await RunAsync("/");

        Assert.Equal(20, stats.Ok.Request.Count);
        Assert.Equal(20 * 13, stats.Iteration.AllBytes);
        Assert.Equal([new StatusCodeCount(200, 20, false)], stats.Iteration.StatusCodes);
    }

    [Fact]
    public async Task HeadResponsesHaveNoBodyWhateverTheirContentLength()
    {
        var stats = await RunAsync("/", copies: 1, iterations: 3, method: HttpMethod.Head);

        Assert.Equal(3, stats.Ok.Request.Count);
        Assert.Equal(0, stats.Iteration.AllBytes);
    }

    [Fact]
    public async Task ChunkedBodiesAreReadToTheirEnd()
    {
        var stats = await RunAsync("/chunked", copies: 1, iterations: 5);

        Assert.Equal(5, stats.Ok.Request.Count);
        Assert.Equal(5 * 23_000, stats.Iteration.AllBytes);
    }

    [Fact]
    public async Task ConnectionCloseReopensForTheNextRequest()
    {
        var stats = await RunAsync("/close", copies: 1, iterations: 4);

        Assert.Equal(4, stats.Ok.Request.Count);
        Assert.Equal(4 * 3, stats.Iteration.AllBytes);
    }

    [Fact]
    public async Task ErrorStatusesAreFailuresWithTheirCode()
    {
        var stats = await RunAsync("/fail", copies: 1, iterations: 3);

        Assert.Equal([new StatusCodeCount(500, 3, true)], stats.Iteration.StatusCodes);
    }

    [Fact]
    public async Task RefusedConnectionIsAFailureWithStatusZero()
    {
        using var client = new Http1LoadClient(new Uri("http://127.0.0.1:1/"));
        var scenario = Scenario.Create("refused", client.SendAsync).WithLoadSimulations(Simulation.IterationsForConstant(1, 2));

        var stats = (await TestScenarios.Quiet(scenario).RunAsync()).Scenario("refused");

        Assert.Equal([new StatusCodeCount(0, 2, true)], stats.Iteration.StatusCodes);
    }

    [Fact]
    public void HttpsIsRefusedWithAPointerToTheOtherClient()
    {
        var error = Assert.Throws<ArgumentException>(() => new Http1LoadClient(new Uri("https://127.0.0.1/")));

        Assert.Contains("use HttpLoadClient for https", error.Message, StringComparison.Ordinal);
    }
}
