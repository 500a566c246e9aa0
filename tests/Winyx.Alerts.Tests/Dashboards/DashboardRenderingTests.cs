using System.Text.Json;
using Winyx.Alerts.Tests.Infrastructure;
using Winyx.Testing;
using Winyx.Testing.Monitoring;

namespace Winyx.Alerts.Tests.Dashboards;

/// <summary>
/// Every dashboard of <c>monitoring/grafana/dashboards</c> rendered by the app against Prometheus'
/// HTTP API (canned answers): every panel drawn with data, none in error, variables substituted.
/// </summary>
public sealed class DashboardRenderingTests(CannedPrometheusFixture fixture) : IClassFixture<CannedPrometheusFixture>
{
    public static TheoryData<string> DashboardFiles() => [.. DashboardCatalog.Dashboards.Select(dashboard => dashboard.File)];

    [Theory]
    [MemberData(nameof(DashboardFiles))]
    public async Task EveryPanelOfTheDashboardIsDrawnWithData(string file)
    {
        var dashboard = DashboardCatalog.Dashboards.Single(d => d.File == file).Dashboard;
        var expected = DashboardCatalog.Panels.Where(panel => panel.File == file && panel.Type != "row").ToList();

        var html = await fixture.App.Http.GetStringAsync(new Uri($"dashboards/{dashboard.GetProperty("uid").GetString()}?refresh=off", UriKind.Relative));
        var panels = RenderedPanel.Parse(html);

        Assert.Equal(expected.Select(panel => panel.Title).Order(), panels.Select(panel => panel.Title).Order());
        Assert.All(panels, panel => Assert.False(panel.IsError, $"{panel.Title}: {panel.Error}"));
        Assert.All(panels.Where(panel => panel.Type == "timeseries"), panel =>
        {
            // Two series per query, each a line of many points.
            var queries = expected.Single(p => p.Title == panel.Title).Expressions.Count();
            Assert.Equal(2 * queries, panel.SeriesPaths.Count);
            Assert.All(panel.SeriesPaths, d => Assert.True(d.Split('L').Length > 100, $"{panel.Title} drew a line: {d[..Math.Min(80, d.Length)]}"));
        });
        Assert.All(panels.Where(panel => panel.Type == "stat"), panel => Assert.Contains("data-testid=\"stat-value\"", panel.Html, StringComparison.Ordinal));
        Assert.All(panels.Where(panel => panel.Type == "gauge"), panel => Assert.Contains("class=\"value-arc\"", panel.Html, StringComparison.Ordinal));
        Assert.All(panels.Where(panel => panel.Type == "table"), panel => Assert.Contains("<td>", panel.Html, StringComparison.Ordinal));
    }

    [Fact]
    public async Task QueriesReachPrometheusWithEveryVariableSubstituted()
    {
        await fixture.App.Http.GetStringAsync(new Uri("dashboards/winyx-service-red?refresh=off&var-service=userrpc", UriKind.Relative));

        Assert.DoesNotContain(fixture.Prometheus.Queries, query => query.Contains('$', StringComparison.Ordinal));
        Assert.Contains(fixture.Prometheus.Queries, query => query.Contains("service=\"userrpc\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StatPanelsShowTheirValueInTheirUnit()
    {
        var html = await fixture.App.Http.GetStringAsync(new Uri("dashboards/winyx-service-red?refresh=off", UriKind.Relative));

        var errorRatio = Assert.Single(RenderedPanel.Parse(html), panel => panel.Title == "Error ratio (5xx, 5m)");
        // 0.42 in percentunit, above the 0.01 red threshold.
        Assert.Contains("42%", errorRatio.Html, StringComparison.Ordinal);
        Assert.Contains("#c62828", errorRatio.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDashboardListNamesEveryDashboard()
    {
        var html = await fixture.App.Http.GetStringAsync(new Uri("dashboards", UriKind.Relative));

        Assert.All(DashboardCatalog.Dashboards, dashboard =>
            Assert.Contains(dashboard.Dashboard.GetProperty("title").GetString()!, html, StringComparison.Ordinal));
    }

    [Fact]
    public async Task FiringAlertsFromPrometheusSayWhereTheyCameFrom()
    {
        var alert = Assert.Single(await fixture.App.GetAlertsAsync(), a => a.GetProperty("alertname").GetString() == "HighCPUUsage");

        Assert.Equal(["prometheus"], alert.GetProperty("sources").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("warning", alert.GetProperty("severity").GetString());
        Assert.NotEqual(JsonValueKind.Null, alert.GetProperty("since").ValueKind);
    }

    [Fact]
    public async Task TheRulesPageShowsEachRuleWithItsExpressionAndState()
    {
        var html = await fixture.App.Http.GetStringAsync(new Uri("rules", UriKind.Relative));

        Assert.Contains("data-rule=\"HighCPUUsage\"", html, StringComparison.Ordinal);
        Assert.Contains("instance:node_cpu_utilisation:ratio_rate5m &gt; 0.8", html, StringComparison.Ordinal);
        Assert.Contains("5m", html, StringComparison.Ordinal);
        // No Alertmanager here: the page says the receivers are unknown rather than guessing.
        Assert.Contains("Alertmanager is not configured", html, StringComparison.Ordinal);
    }
}
