using Winyx.Testing;
using Winyx.Testing.Metrics;
using Winyx.Web.Tests.Fakes;
using Winyx.Web.Tests.Infrastructure;

namespace Winyx.Web.Tests;

/// <summary>The frontend's own metrics on <c>/metrics</c>.</summary>
[Collection(FakeApiWebCollection.Name)]
public sealed class RenderMetricsTests : IDisposable
{
    private static readonly TimeSpan ScrapeDeadline = TimeSpan.FromSeconds(10);

    private readonly FormClient _client;
    private readonly HttpClient _metrics;

    public RenderMetricsTests(FakeApiWebFixture fixture)
    {
        fixture.Api.Reset();
        _client = new FormClient(fixture.Web.BaseAddress);
        _metrics = new HttpClient { BaseAddress = fixture.Web.BaseAddress };
    }

    [Fact]
    public async Task PageViewIncreasesItsRenderDurationCount()
    {
        const string Count = "frontend_render_duration_seconds_count";
        (string, string)[] page = [("page", "/register")];
        var before = (await ScrapeAsync()).Value(Count, page) ?? 0;

        (await _client.GetAsync("/register")).Dispose();

        // The exporter caches a scrape for a moment: poll until the view shows.
        await Poll.UntilAsync(
            async () => (await ScrapeAsync()).Value(Count, page) == before + 1,
            ScrapeDeadline,
            $"{Count}{{page=\"/register\"}} to grow from {before} to {before + 1}");
    }

    [Fact]
    public async Task ApiCallIsMeasuredByOperationAndStatus()
    {
        const string Count = "frontend_api_call_duration_seconds_count";
        (string, string)[] labels = [("operation", "list_users"), ("status", "200")];
        var before = (await ScrapeAsync()).Value(Count, labels) ?? 0;

        (await _client.GetAsync("/users")).Dispose();

        await Poll.UntilAsync(
            async () => (await ScrapeAsync()).Value(Count, labels) == before + 1,
            ScrapeDeadline,
            $"{Count}{{operation=\"list_users\",status=\"200\"}} to grow from {before} to {before + 1}");
    }

    public void Dispose()
    {
        _client.Dispose();
        _metrics.Dispose();
    }

    private Task<PrometheusText> ScrapeAsync() => MetricsScrape.ReadAsync(_metrics);
}
