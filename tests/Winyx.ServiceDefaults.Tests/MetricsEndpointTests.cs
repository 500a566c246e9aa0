using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Winyx.ServiceDefaults.Tests.Infrastructure;

namespace Winyx.ServiceDefaults.Tests;

public sealed class MetricsEndpointTests(MetricsEndpointTests.Fixture fixture) : IClassFixture<MetricsEndpointTests.Fixture>
{
    private const string OrderRoute = "/api/orders/{id}";

    private TestServiceHost Host => fixture.Host;

    [Fact]
    public async Task RequestsAreCountedByMethodRouteTemplateAndStatus()
    {
        await Host.Client.GetAsync("/api/orders/1");
        await Host.Client.GetAsync("/api/orders/2");
        await Host.Client.PostAsync("/api/orders", null);

        var samples = await Host.SamplesWhenAsync(
            all => all.Any(s => IsRequests(s, "GET", OrderRoute, "200") && s.Value >= 2)
                && all.Any(s => IsRequests(s, "POST", "/api/orders", "201")),
            "http_requests_total for GET /api/orders/{id} (twice) and POST /api/orders");

        Assert.DoesNotContain(samples, s => s.Name == "http_requests_total" && s["endpoint"] is "/api/orders/1" or "/api/orders/2");
    }

    [Fact]
    public async Task RouteTemplatesAreLabelledInOneSpellingWithoutTrailingSlashOrConstraints()
    {
        await Host.Client.GetAsync("/api/invoices");
        await Host.Client.GetAsync("/api/invoices/7");

        var samples = await Host.SamplesWhenAsync(
            all => all.Any(s => IsRequests(s, "GET", "/api/invoices", "200"))
                && all.Any(s => IsRequests(s, "GET", "/api/invoices/{number}", "200")),
            "http_requests_total for /api/invoices and /api/invoices/{number}");

        Assert.DoesNotContain(samples, s => s.Name == "http_requests_total" && s["endpoint"] is "/api/invoices/" or "/api/invoices/{number:int}/");
    }

    [Fact]
    public async Task UnmatchedPathsCollapseIntoOneEndpointValue()
    {
        var first = $"/scanner/{Guid.NewGuid():N}";
        var second = $"/wp-admin/{Guid.NewGuid():N}.php";
        Assert.Equal(HttpStatusCode.NotFound, (await Host.Client.GetAsync(first)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Host.Client.GetAsync(second)).StatusCode);

        var samples = await Host.SamplesWhenAsync(
            s => IsRequests(s, "GET", "unmatched", "404") && s.Value >= 2,
            "two unmatched 404s counted under endpoint=\"unmatched\"");

        Assert.DoesNotContain(samples, s => s.Labels.Values.Any(v => v.Contains("scanner", StringComparison.Ordinal) || v.Contains("wp-admin", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task UnhandledExceptionsAreCountedAs500()
    {
        var response = await Host.Client.GetAsync("/api/orders/boom");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        await Host.SamplesWhenAsync(s => IsRequests(s, "GET", "/api/orders/boom", "500"), "a 500 for the throwing endpoint");
    }

    [Fact]
    public async Task RequestDurationIsAHistogramByMethodAndRouteTemplate()
    {
        await Host.Client.GetAsync("/api/orders/3");

        var samples = await Host.SamplesWhenAsync(
            s => s.Name == "http_request_duration_seconds_count" && s["endpoint"] == OrderRoute && s["method"] == "GET",
            "http_request_duration_seconds for GET /api/orders/{id}");

        var buckets = samples.Where(s => s.Name == "http_request_duration_seconds_bucket" && s["endpoint"] == OrderRoute && s["method"] == "GET").ToList();
        Assert.Equal(["0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "+Inf"], buckets.Select(b => b["le"]));
        Assert.All(buckets, b => Assert.Null(b["status"]));
        Assert.Contains(samples, s => s.Name == "http_request_duration_seconds_sum" && s["endpoint"] == OrderRoute);
    }

    [Fact]
    public async Task ProbesAndScrapesAreNotCounted()
    {
        await Host.Client.GetAsync("/health");
        await Host.Client.GetAsync("/alive");
        await Host.Client.GetAsync("/api/orders/4");

        var samples = await Host.SamplesWhenAsync(s => IsRequests(s, "GET", OrderRoute, "200"), "request metrics");

        Assert.DoesNotContain(samples, s => s.Name.StartsWith("http_request", StringComparison.Ordinal)
            && s["endpoint"] is "/health" or "/alive" or "/metrics");
    }

    [Fact]
    public async Task ServiceMetersNamedWinyxAreExported()
    {
        await Host.Client.PostAsync("/api/orders", null);

        await Host.SamplesWhenAsync(s => s.Name == "orders_placed_total" && s.Value >= 1, "the Winyx.Orders meter's counter");
    }

    [Fact]
    public async Task PerRequestDiagnosticsNoDashboardReadsAreDroppedUnlessConfigured()
    {
        await Host.Client.GetAsync("/api/orders/6");
        var samples = await Host.SamplesWhenAsync(s => s.Name == "http_server_request_duration_seconds_count", "ASP.NET Core's request duration");
        Assert.DoesNotContain(samples, s => s.Name.StartsWith("aspnetcore_routing_match_attempts", StringComparison.Ordinal));
        Assert.DoesNotContain(samples, s => s.Name.StartsWith("aspnetcore_memory_pool_", StringComparison.Ordinal));

        // An empty list keeps every instrument.
        await using var everything = await TestServiceHost.StartAsync(
            new Dictionary<string, string?> { ["Telemetry:Metrics:Drop"] = string.Empty },
            map: app => app.MapGet(OrderRoute, (int id) => Results.Ok(new { id })));
        await everything.Client.GetAsync("/api/orders/6");
        await everything.SamplesWhenAsync(s => s.Name == "aspnetcore_routing_match_attempts_total", "routing's match attempts when nothing is dropped");
    }

    [PromtoolFact]
    public async Task ScrapedMetricsPassPromtoolCheckMetrics()
    {
        await Host.Client.GetAsync("/api/orders/5");
        await Host.Client.GetAsync("/nowhere");
        await Host.SamplesWhenAsync(s => s.Name == "http_request_duration_seconds_bucket", "request metrics");

        var (exitCode, output) = await Promtool.CheckMetricsAsync(await Host.ScrapeAsync());

        Assert.True(exitCode == 0, $"promtool check metrics exited {exitCode}: {output}");
    }

    private static bool IsRequests(PrometheusSample sample, string method, string endpoint, string status) =>
        sample.Name == "http_requests_total" && sample["method"] == method && sample["endpoint"] == endpoint && sample["status"] == status;

    public sealed class Fixture : IAsyncLifetime
    {
        public TestServiceHost Host { get; private set; } = null!;

        public async Task InitializeAsync() =>
            Host = await TestServiceHost.StartAsync(map: app =>
            {
                var placed = app.Services.GetRequiredService<IMeterFactory>().Create("Winyx.Orders").CreateCounter<long>("orders_placed");
                app.MapGet(OrderRoute, (int id) => Results.Ok(new { id }));
                var invoices = app.MapGroup("/api/invoices");
                invoices.MapGet("/", () => Results.Ok());
                invoices.MapGet("/{number:int}/", (int number) => Results.Ok(new { number }));
                app.MapGet("/api/orders/boom", string () => throw new InvalidOperationException("the order store is on fire"));
                app.MapPost("/api/orders", () =>
                {
                    placed.Add(1);
                    return Results.Created("/api/orders/1", new { id = 1 });
                });
            });

        public async Task DisposeAsync() => await Host.DisposeAsync();
    }
}
