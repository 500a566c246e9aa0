using Winyx.Testing;
using Winyx.Web.Tests.Fakes;
using Winyx.Web.Tests.Infrastructure;

namespace Winyx.Web.Tests;

/// <summary>The frontend's own metrics on <c>/metrics</c>.</summary>
[Collection(FakeApiWebCollection.Name)]
public sealed class RenderMetricsTests : IDisposable
{
    private static readonly TimeSpan ScrapeDeadline = TimeSpan.FromSeconds(10);

    private readonly FormClient _client;

    public RenderMetricsTests(FakeApiWebFixture fixture)
    {
        fixture.Api.Reset();
        _client = new FormClient(fixture.Web.BaseAddress);
    }

    [Fact]
    public async Task PageViewIncreasesItsRenderDurationCount()
    {
        const string Count = "frontend_render_duration_seconds_count";
        const string Page = "page=\"/register\"";
        var before = PrometheusText.Value(await ScrapeAsync(), Count, Page);

        (await _client.GetAsync("/register")).Dispose();

        // The exporter caches a scrape for a moment: poll until the view shows.
        await Poll.UntilAsync(
            async () => PrometheusText.Value(await ScrapeAsync(), Count, Page) == before + 1,
            ScrapeDeadline,
            $"{Count}{{{Page}}} to grow from {before} to {before + 1}");
    }

    [Fact]
    public async Task ApiCallIsMeasuredByOperationAndStatus()
    {
        const string Count = "frontend_api_call_duration_seconds_count";
        const string Labels = "operation=\"list_users\",status=\"200\"";
        var before = PrometheusText.Value(await ScrapeAsync(), Count, Labels);

        (await _client.GetAsync("/users")).Dispose();

        await Poll.UntilAsync(
            async () => PrometheusText.Value(await ScrapeAsync(), Count, Labels) == before + 1,
            ScrapeDeadline,
            $"{Count}{{{Labels}}} to grow from {before} to {before + 1}");
    }

    public void Dispose() => _client.Dispose();

    private async Task<string> ScrapeAsync()
    {
        using var response = await _client.GetAsync("/metrics");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }
}
