using Microsoft.Playwright;
using Winyx.Alerts.Tests.Infrastructure;
using Winyx.Testing.Monitoring;
using static Microsoft.Playwright.Assertions;

namespace Winyx.Alerts.Tests.Browser;

/// <summary>
/// A real browser (Debian's Chromium) on the pages: an alert firing then resolved, the timeline drawing
/// it, and a dashboard drawing all its panels. Screenshots land in <c>screenshots/</c> beside the tests.
/// </summary>
public sealed class PageTests(CannedPrometheusFixture fixture) : IClassFixture<CannedPrometheusFixture>
{
    private AlertsApp App => fixture.App;

    [Fact]
    public async Task TheAlertsPageShowsAFiringAlertThenItsResolution()
    {
        var alertname = Payloads.UniqueAlertname("ApiDown");
        var startsAt = DateTimeOffset.UtcNow.AddMinutes(-2);
        await App.DeliverAsync(Payloads.Notification("critical", "firing", alertname, startsAt));
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await NewPageAsync(browser);

        await page.GotoAsync("/");
        var card = page.Locator($"article[data-alertname='{alertname}']");
        await Expect(card).ToBeVisibleAsync();
        await Expect(card).ToContainTextAsync($"{alertname} on api");
        await Expect(card).ToContainTextAsync("Notified: critical");
        await Expect(card).ToContainTextAsync("for 2m");
        await Expect(page.Locator("section.severity[aria-label='critical']").Locator($"[data-alertname='{alertname}']")).ToHaveCountAsync(1);
        await Expect(card.GetByRole(AriaRole.Link, new() { Name = "Expression in Prometheus ↗" })).ToHaveAttributeAsync("href", "http://127.0.0.1:9091/graph?g0.expr=up%3D%3D0");
        await Chromium.ScreenshotAsync(page, "alerts-firing");

        await App.DeliverAsync(Payloads.Notification("critical", "resolved", alertname, startsAt, DateTimeOffset.UtcNow));
        await page.ReloadAsync();

        await Expect(card).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "History" }).ClickAsync();
        await page.Locator("select[name=alertname]").SelectOptionAsync(alertname);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        var rows = page.Locator("table[data-testid=notifications] tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.First).ToContainTextAsync("resolved");
    }

    [Fact]
    public async Task TheTimelineDrawsTheFiringSpanAndATickPerNotification()
    {
        var alertname = Payloads.UniqueAlertname("DbDown");
        var startsAt = DateTimeOffset.UtcNow.AddMinutes(-5);
        await App.DeliverAsync(Payloads.Notification("critical", "firing", alertname, startsAt));
        await App.DeliverAsync(Payloads.Notification("database-team", "firing", alertname, startsAt));
        await App.DeliverAsync(Payloads.Notification("critical", "resolved", alertname, startsAt, DateTimeOffset.UtcNow));
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await NewPageAsync(browser);

        await page.GotoAsync($"/history?alertname={alertname}&window=15m");

        var lane = page.Locator($"svg[data-testid=timeline] g.lane[data-alertname='{alertname}']");
        await Expect(lane).ToHaveCountAsync(1);
        var span = lane.Locator("rect.span.resolved");
        await Expect(span).ToHaveCountAsync(1);
        var box = await span.BoundingBoxAsync();
        Assert.True(box is { Width: > 10 }, $"the span is drawn wide enough to see: {box?.Width}");
        await Expect(lane.Locator("line.tick")).ToHaveCountAsync(3);
        await Expect(lane.Locator("line.tick[data-receiver='database-team']")).ToHaveCountAsync(1);
        await Expect(lane.Locator("line.tick.resolved")).ToHaveCountAsync(1);
        await Expect(page.Locator("figcaption.legend")).ToContainTextAsync("database-team");
        await Chromium.ScreenshotAsync(page, "history-timeline");
    }

    [Fact]
    public async Task ADashboardPageDrawsAllItsPanels()
    {
        const string File = "system-overview.json";
        var panels = DashboardCatalog.Panels.Where(panel => panel.File == File && panel.Type != "row").ToList();
        var lines = panels.Where(panel => panel.Type == "timeseries").Sum(panel => 2 * panel.Expressions.Count());
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await NewPageAsync(browser);

        await page.GotoAsync("/dashboards");
        await page.GetByRole(AriaRole.Link, new() { Name = "Winyx System Overview" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Winyx System Overview" })).ToBeVisibleAsync();
        await Expect(page.Locator("article.panel")).ToHaveCountAsync(panels.Count);
        await Expect(page.Locator("article.panel-error")).ToHaveCountAsync(0);
        await Expect(page.Locator("article.panel path.series")).ToHaveCountAsync(lines);
        var box = await page.Locator("article.panel path.series").First.BoundingBoxAsync();
        Assert.True(box is { Width: > 50, Height: > 5 }, $"the first line is drawn across the chart: {box?.Width}x{box?.Height}");
        await Expect(page.Locator("article[data-panel-type=stat] [data-testid=stat-value]")).ToHaveCountAsync(panels.Where(p => p.Type == "stat").Sum(p => p.Expressions.Count()));
        await Chromium.ScreenshotAsync(page, "dashboard-system-overview");
    }

    private async Task<IPage> NewPageAsync(IBrowser browser)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
        });
        return await context.NewPageAsync();
    }
}
