using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Winyx.ServiceDefaults.Tests.Infrastructure;

namespace Winyx.ServiceDefaults.Tests;

/// <summary>
/// Two hosts in one process (a class fixture and a test's own host, two WebApplicationFactory instances):
/// each <c>/metrics</c> counts its own requests only, and stopping one leaves the other's series alone.
/// </summary>
public sealed class MetricsIsolationTests
{
    [Fact]
    public async Task AnotherHostInTheProcessNeitherAddsToNorEndsThisHostsSeries()
    {
        await using var host = await StartAsync();
        await host.Client.GetAsync("/api/ping");
        await host.Client.GetAsync("/api/ping");

        await using (var other = await StartAsync())
        {
            await other.Client.GetAsync("/api/ping");
            await other.SamplesWhenAsync(s => IsPings(s) && s.Value >= 1, "the other host's own request");
        }

        await host.Client.GetAsync("/api/ping");
        var samples = await host.SamplesWhenAsync(s => IsPings(s) && s.Value >= 3, "this host's three requests after the other host stopped");

        Assert.Equal(3, samples.Single(IsPings).Value);
        Assert.Contains(samples, s => s.Name == "http_server_request_duration_seconds_count" && s["http_route"] == "/api/ping");
    }

    private static Task<TestServiceHost> StartAsync() =>
        TestServiceHost.StartAsync(map: app => app.MapGet("/api/ping", () => Results.Ok()));

    private static bool IsPings(PrometheusSample sample) =>
        sample.Name == "http_requests_total" && sample["endpoint"] == "/api/ping" && sample["status"] == "200";
}
