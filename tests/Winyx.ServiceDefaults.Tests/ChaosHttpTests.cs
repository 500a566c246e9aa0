using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Winyx.ServiceDefaults.Chaos;
using Winyx.ServiceDefaults.Tests.Infrastructure;

namespace Winyx.ServiceDefaults.Tests;

/// <summary>The chaos admin API and HTTP middleware, as an API uses them (route templates, problem details).</summary>
public sealed class ChaosHttpTests(ChaosHttpTests.Fixture fixture) : IClassFixture<ChaosHttpTests.Fixture>, IAsyncLifetime
{
    private const string Key = "test-chaos-key";

    private HttpClient Client => fixture.Host.Client;

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task TheAdminApiRefusesAMissingOrWrongKey(string? key)
    {
        using var response = await SendAsync(HttpMethod.Put, new { errorRatio = 1.0 }, key);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False((await GetSettingsAsync()).IsActive);
    }

    [Fact]
    public async Task InvalidSettingsAreRefusedNamingEachField()
    {
        using var response = await SendAsync(HttpMethod.Put, new { errorRatio = 1.5, latencyMs = -1, routes = new[] { "" }, status = "Cancelled" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["errorRatio", "latencyMs", "routes", "status"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task PutShowsTheNormalizedSettingsGetRepeatsThemAndDeleteClearsThem()
    {
        using var put = await SendAsync(HttpMethod.Put, new { errorRatio = 0.25, latencyMs = 10, routes = new[] { "api/orders/{id:int}/" } });
        var set = await put.Content.ReadFromJsonAsync<ChaosSettings>();
        var shown = await GetSettingsAsync();
        using var delete = await SendAsync(HttpMethod.Delete, null);
        var cleared = await GetSettingsAsync();

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(["/api/orders/{id}"], set!.Routes);
        Assert.Equal((0.25, 10, "/api/orders/{id}"), (shown.ErrorRatio, shown.LatencyMs, Assert.Single(shown.Routes)));
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal((0.0, 0, 0), (cleared.ErrorRatio, cleared.LatencyMs, cleared.Routes.Count));
    }

    [Fact]
    public async Task AnErrorRatioOfOneFailsTheChosenRouteWithAProblemUntilCleared()
    {
        using var put = await SendAsync(HttpMethod.Put, new { errorRatio = 1.0, routes = new[] { "/api/orders/{id}" } });
        put.EnsureSuccessStatusCode();

        using var faulted = await Client.GetAsync(new Uri("/api/orders/7", UriKind.Relative));
        using var other = await Client.GetAsync(new Uri("/api/other", UriKind.Relative));
        (await SendAsync(HttpMethod.Delete, null)).Dispose();
        using var healed = await Client.GetAsync(new Uri("/api/orders/7", UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, faulted.StatusCode);
        Assert.Equal("application/problem+json", faulted.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Injected fault", (await faulted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Equal("error", faulted.Headers.GetValues("X-Chaos").Single());
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(HttpStatusCode.OK, healed.StatusCode);
    }

    [Fact]
    public async Task ProbesScrapesAndTheSwitchItselfAreNeverFaulted()
    {
        using var put = await SendAsync(HttpMethod.Put, new { errorRatio = 1.0 });
        put.EnsureSuccessStatusCode();

        using var faulted = await Client.GetAsync(new Uri("/api/other", UriKind.Relative));
        using var health = await Client.GetAsync(new Uri("/health", UriKind.Relative));
        using var alive = await Client.GetAsync(new Uri("/alive", UriKind.Relative));
        using var metrics = await Client.GetAsync(new Uri("/metrics", UriKind.Relative));
        var shown = await GetSettingsAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, faulted.StatusCode);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], new[] { health.StatusCode, alive.StatusCode, metrics.StatusCode });
        Assert.Equal(1.0, shown.ErrorRatio);
    }

    [Fact]
    public async Task LatencyIsAddedBeforeTheChosenRoute()
    {
        using var put = await SendAsync(HttpMethod.Put, new { latencyMs = 300, routes = new[] { "/api/other" } });
        put.EnsureSuccessStatusCode();

        // A lower bound only: the injected delay is a floor no machine can beat.
        var stopwatch = Stopwatch.StartNew();
        using var delayed = await Client.GetAsync(new Uri("/api/other", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, delayed.StatusCode);
        Assert.True(stopwatch.ElapsedMilliseconds >= 300, $"answered after {stopwatch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task WhenDisabledTheAdminApiDoesNotExist()
    {
        await using var host = await TestServiceHost.StartAsync(map: app => app.UseChaos());

        using var response = await host.Client.GetAsync(new Uri("/admin/chaos", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task EnabledWithoutAKeyTheServiceRefusesToStart()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration["Chaos:Enabled"] = "true";
        builder.AddServiceDefaults();
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("Chaos:Key", error.Message, StringComparison.Ordinal);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // No test leaves faults behind for the next one on the shared host.
    public async Task DisposeAsync() => (await SendAsync(HttpMethod.Delete, null)).Dispose();

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, object? body, string? key = Key)
    {
        using var request = new HttpRequestMessage(method, new Uri(ChaosAdminApi.Path, UriKind.Relative));
        if (key is not null)
        {
            request.Headers.Add(ChaosAdminApi.KeyHeader, key);
        }

        request.Content = body is null ? null : JsonContent.Create(body);
        return await Client.SendAsync(request);
    }

    private async Task<ChaosSettings> GetSettingsAsync()
    {
        using var response = await SendAsync(HttpMethod.Get, null);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ChaosSettings>())!;
    }

    public sealed class Fixture : IAsyncLifetime
    {
        public TestServiceHost Host { get; private set; } = null!;

        public async Task InitializeAsync() =>
            Host = await TestServiceHost.StartAsync(
                new Dictionary<string, string?> { ["Chaos:Enabled"] = "true", ["Chaos:Key"] = Key },
                builder => builder.Services.AddProblemDetails(),
                app =>
                {
                    app.UseExceptionHandler();
                    app.UseChaos();
                    app.MapGet("/api/orders/{id:int}", (int id) => Results.Ok(new { id }));
                    app.MapGet("/api/other", () => Results.Ok());
                });

        public async Task DisposeAsync() => await Host.DisposeAsync();
    }
}
