using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Winyx.Hosting.ControlApi;
using Winyx.Hosting.Testing;
using Winyx.Hosting.Tests.Infrastructure;

namespace Winyx.Hosting.Tests;

/// <summary>The control API: token-guarded resource list and start/stop/restart, login page.</summary>
public sealed class ControlApiTests : IAsyncLifetime
{
    private DistributedApplication _app = null!;
    private FakeExecutor _executor = null!;

    public async Task InitializeAsync()
    {
        var (builder, executor, _) = TestApps.CreateFake();
        builder.AddExecutable("worker", "true", ".").WithHttpEndpoint();
        builder.AddMySql("mysql").AddDatabase("userdb");
        _executor = executor;
        _app = await builder.BuildAsync();
        await _app.StartAsync();
        await _app.WaitAsync("worker", s => s.State == KnownResourceStates.Running);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ResourceListWithoutTheTokenIs401()
    {
        using var http = new HttpClient { BaseAddress = new Uri(_app.Dashboard.Url) };

        using var response = await http.GetAsync(new Uri("/api/resources", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ResourceListShowsNameTypeStateHealthAndUrls()
    {
        using var http = _app.CreateControlApiClient();

        var resources = await http.GetFromJsonAsync<JsonElement[]>(new Uri("/api/resources", UriKind.Relative));

        var worker = Assert.Single(resources!, r => r.GetProperty("name").GetString() == "worker");
        Assert.Equal("Executable", worker.GetProperty("type").GetString());
        Assert.Equal("Running", worker.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, worker.GetProperty("health").ValueKind);
        Assert.StartsWith("http://127.0.0.1:", worker.GetProperty("urls")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StopThenStartThroughTheApiRelaunchesTheResource()
    {
        using var http = _app.CreateControlApiClient();

        using var stop = await http.PostAsync(new Uri("/api/resources/worker/stop", UriKind.Relative), null);
        var stopped = await stop.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, stop.StatusCode);
        Assert.Equal("Exited", stopped.GetProperty("state").GetString());

        using var start = await http.PostAsync(new Uri("/api/resources/worker/start", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        await _app.WaitAsync("worker", s => s.State == KnownResourceStates.Running);
        Assert.Equal(2, _executor.LaunchOrder.Count(n => n == "worker"));
    }

    [Fact]
    public async Task RestartOfAnUnknownResourceIs404NamingIt()
    {
        using var http = _app.CreateControlApiClient();

        using var response = await http.PostAsync(new Uri("/api/resources/nope/restart", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("'nope'", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoppingADatabaseInsideAServerIsAConflictNamingTheServer()
    {
        using var http = _app.CreateControlApiClient();

        using var response = await http.PostAsync(new Uri("/api/resources/userdb/stop", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("start or stop 'mysql'", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TracesAnswerAnEmptyListUntilTheDashboardCollectsThem()
    {
        using var http = _app.CreateControlApiClient();

        var traces = await http.GetFromJsonAsync<JsonElement[]>(new Uri("/api/telemetry/traces?service=api&limit=5", UriKind.Relative));

        Assert.Empty(traces!);
    }

    [Fact]
    public async Task LoginWithTheTokenSetsACookieThatOpensTheResourcePage()
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = true, UseCookies = true };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(_app.Dashboard.Url) };

        using var page = await http.GetAsync(new Uri($"/login?t={_app.Dashboard.Token}", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("worker", html, StringComparison.Ordinal);
        Assert.NotNull(handler.CookieContainer.GetCookies(new Uri(_app.Dashboard.Url))[DashboardTokenFilter.CookieName]);
    }

    [Fact]
    public async Task LoginWithAWrongTokenIs401()
    {
        using var http = new HttpClient { BaseAddress = new Uri(_app.Dashboard.Url) };

        using var response = await http.GetAsync(new Uri("/login?t=wrong", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
