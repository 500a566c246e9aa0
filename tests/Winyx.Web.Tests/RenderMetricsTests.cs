using Winyx.Testing;
using Winyx.Testing.Metrics;
using Winyx.Web.Tests.Fakes;

namespace Winyx.Web.Tests;

/// <summary>The frontend's own metrics on <c>/metrics</c>.</summary>
[Collection(FakeApiWebCollection.Name)]
public sealed class RenderMetricsTests : FakeApiWebTest
{
    private static readonly TimeSpan ScrapeDeadline = TimeSpan.FromSeconds(10);

    private readonly HttpClient _metrics;

    public RenderMetricsTests(FakeApiWebFixture fixture)
        : base(fixture)
    {
        _metrics = new HttpClient { BaseAddress = fixture.Web.BaseAddress };
    }

    [Fact]
    public async Task PageViewIncreasesItsRenderDurationCount()
    {
        const string Count = "frontend_render_duration_seconds_count";
        (string, string)[] page = [("page", "/register")];
        var before = (await ScrapeAsync()).Value(Count, page) ?? 0;

        (await Client.GetAsync("/register")).Dispose();

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
        await Client.LogInAsync();
        var before = (await ScrapeAsync()).Value(Count, labels) ?? 0;

        (await Client.GetAsync("/users")).Dispose();

        await Poll.UntilAsync(
            async () => (await ScrapeAsync()).Value(Count, labels) == before + 1,
            ScrapeDeadline,
            $"{Count}{{operation=\"list_users\",status=\"200\"}} to grow from {before} to {before + 1}");
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _metrics.Dispose();
        }

        base.Dispose(disposing);
    }

    private Task<PrometheusText> ScrapeAsync() => MetricsScrape.ReadAsync(_metrics);
}
