using Winyx.Alerts.Tests.Infrastructure;
using Winyx.Hosting.Executables;
using Winyx.Testing.Processes;
using Winyx.Testing;

namespace Winyx.Alerts.Tests.Dashboards;

/// <summary>What a dashboard shows when Prometheus cannot answer: the reason, in place, never a blank box.</summary>
public sealed class DashboardProblemTests
{
    [Fact]
    public async Task APanelWhoseQueryFailsShowsPrometheusErrorInPlace()
    {
        var directory = TestDirectories.Create("alerts-dashboards");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(directory, "broken.json"), $$$"""
                {"uid": "broken", "title": "Half broken", "time": {"from": "now-15m", "to": "now"}, "refresh": "30s",
                 "panels": [
                   {"id": 1, "type": "timeseries", "title": "Fine", "gridPos": {"x": 0, "y": 0, "w": 12, "h": 8},
                    "targets": [{"refId": "A", "expr": "sum(rate(http_requests_total[$__rate_interval]))", "legendFormat": "{{service}}"}]},
                   {"id": 2, "type": "timeseries", "title": "Broken", "gridPos": {"x": 12, "y": 0, "w": 12, "h": 8},
                    "targets": [{"refId": "A", "expr": "{{{CannedPrometheus.FailingMarker}}}(up)"}]}
                 ]}
                """);
            await using var prometheus = await CannedPrometheus.StartAsync();
            await using var app = await AlertsApp.StartAsync(new Dictionary<string, string?>
            {
                ["services__prometheus__http__0"] = prometheus.BaseAddress.ToString(),
                ["Alerts__DashboardsDirectory"] = directory,
            });

            var panels = RenderedPanel.Parse(await app.Http.GetStringAsync(new Uri("dashboards/broken?refresh=off", UriKind.Relative)));

            Assert.False(Assert.Single(panels, p => p.Title == "Fine").IsError);
            var broken = Assert.Single(panels, p => p.Title == "Broken");
            Assert.True(broken.IsError);
            Assert.Contains("bad_data", broken.Error, StringComparison.Ordinal);
            Assert.Contains("parse error", broken.Error, StringComparison.Ordinal);
        }
        finally
        {
            TestDirectories.Delete(directory);
        }
    }

    [Fact]
    public async Task WithoutPrometheusEveryPanelSaysPrometheusIsNotConfigured()
    {
        await using var app = await AlertsApp.StartAsync();

        var html = await app.Http.GetStringAsync(new Uri("dashboards/winyx-system-overview?refresh=off", UriKind.Relative));

        Assert.Contains("data-testid=\"prometheus-problem\"", html, StringComparison.Ordinal);
        var panels = RenderedPanel.Parse(html);
        Assert.NotEmpty(panels);
        Assert.All(panels, panel => Assert.Contains("Prometheus is not configured", panel.Error, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnUnreachablePrometheusIsNamedInEachPanel()
    {
        var nobody = PortAllocator.GetFreePort();
        await using var app = await AlertsApp.StartAsync(new Dictionary<string, string?> { ["services__prometheus__http__0"] = $"http://127.0.0.1:{nobody}" });

        var panels = RenderedPanel.Parse(await app.Http.GetStringAsync(new Uri("dashboards/winyx-business-metrics?refresh=off", UriKind.Relative)));

        Assert.NotEmpty(panels);
        Assert.All(panels, panel => Assert.Contains("unreachable", panel.Error, StringComparison.Ordinal));
    }
}
