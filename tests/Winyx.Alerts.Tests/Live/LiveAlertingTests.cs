using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Winyx.Alerts.Tests.Infrastructure;
using Winyx.Testing.Monitoring;
using Winyx.Testing;

namespace Winyx.Alerts.Tests.Live;

/// <summary>
/// The app among the real Prometheus and Alertmanager: alerts routed through the repository's routing
/// tree reach its webhook with the receivers' names, show firing (merged from every source) and then
/// resolved; silences are marked; the Rules page and every dashboard render from the live pair.
/// </summary>
public sealed partial class LiveAlertingTests(LiveMonitoringStack live) : IClassFixture<LiveMonitoringStack>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task AlertsFiredInAlertmanagerArriveWithTheReceiversTheRoutingTreeNamesThenResolve()
    {
        var startsAt = DateTimeOffset.UtcNow.AddSeconds(-30);
        var apiDown = Alert("APIServiceDown", "api", "api", startsAt, endsAt: null);
        var mysqlDown = Alert("MySQLDown", "database", "mysql", startsAt, endsAt: null);
        await live.PostAlertsAsync(apiDown, mysqlDown);

        // MySQLDown reaches critical and (continue) database-team; APIServiceDown only critical, as
        // `amtool config routes test` says for its labels.
        await Poll.UntilAsync(
            async () => (await ReceiversAsync("MySQLDown", "firing")).SetEquals(["critical", "database-team"])
                && (await ReceiversAsync("APIServiceDown", "firing")).Contains("critical"),
            Deadline,
            $"both alerts were notified through their routes\n{live.Logs}");
        Assert.Equal(["critical"], await ReceiversAsync("APIServiceDown", "firing"));

        var firing = Assert.Single(await live.App.GetAlertsAsync(), alert => alert.GetProperty("alertname").GetString() == "APIServiceDown");
        await Poll.UntilAsync(
            async () => Sources(Assert.Single(await live.App.GetAlertsAsync(), a => a.GetProperty("alertname").GetString() == "APIServiceDown")).IsSupersetOf(["webhook", "alertmanager"]),
            Deadline,
            "APIServiceDown was seen by the webhook and in Alertmanager's API");
        Assert.Equal("critical", firing.GetProperty("severity").GetString());
        Assert.False(firing.GetProperty("silenced").GetBoolean());

        var resolvedAt = DateTimeOffset.UtcNow;
        await live.PostAlertsAsync(Alert("APIServiceDown", "api", "api", startsAt, resolvedAt));
        await Poll.UntilAsync(
            async () => (await ReceiversAsync("APIServiceDown", "resolved")).Contains("critical"),
            Deadline,
            $"the resolution of APIServiceDown was notified\n{live.Logs}");
        await Poll.UntilAsync(
            async () => !(await live.App.GetAlertsAsync()).Any(alert => alert.GetProperty("alertname").GetString() == "APIServiceDown"),
            Deadline,
            "APIServiceDown left the firing alerts");
        Assert.Contains(await live.App.GetAlertsAsync(), alert => alert.GetProperty("alertname").GetString() == "MySQLDown");
    }

    [Fact]
    public async Task AnAlertPrometheusFiresReachesTheAppThroughAlertmanagerAndShowsEverySource()
    {
        // The synthetic mysql exporter reports mysql_up 0: the real rule fires, Prometheus sends it to
        // Alertmanager, Alertmanager notifies critical and database-team.
        await Poll.UntilAsync(
            async () => (await live.App.GetAlertsAsync()).Any(alert =>
                alert.GetProperty("alertname").GetString() == "MySQLDown"
                && Sources(alert).SetEquals(["webhook", "alertmanager", "prometheus"])
                && Strings(alert, "receivers").IsSupersetOf(["critical", "database-team"])),
            TimeSpan.FromSeconds(60),
            $"MySQLDown from Prometheus was seen by all three sources\n{live.Logs}");
    }

    [Fact]
    public async Task ASilencedAlertIsMarkedSilenced()
    {
        var alertname = Payloads.UniqueAlertname("Silenced");
        using (var silence = await live.Alertmanager.PostAsJsonAsync(new Uri("api/v2/silences", UriKind.Relative), new
        {
            matchers = new[] { new { name = "alertname", value = alertname, isRegex = false, isEqual = true } },
            startsAt = DateTimeOffset.UtcNow.AddMinutes(-1).ToString("O"),
            endsAt = DateTimeOffset.UtcNow.AddHours(1).ToString("O"),
            createdBy = "Winyx.Alerts.Tests",
            comment = "a silenced alert must show as silenced",
        }))
        {
            silence.EnsureSuccessStatusCode();
        }

        await live.PostAlertsAsync(Alert(alertname, "backup", "backup", DateTimeOffset.UtcNow, endsAt: null));

        JsonElement alert = default;
        await Poll.UntilAsync(
            async () => (alert = (await live.App.GetAlertsAsync()).FirstOrDefault(a => a.GetProperty("alertname").GetString() == alertname)).ValueKind != JsonValueKind.Undefined
                && alert.GetProperty("silenced").GetBoolean(),
            TimeSpan.FromSeconds(30),
            $"{alertname} showed as silenced\n{live.Logs}");
        Assert.Equal(["alertmanager"], Sources(alert));
        Assert.Empty(await live.App.GetNotificationsAsync($"?alertname={alertname}"));
    }

    [Fact]
    public async Task TheRulesPageNamesTheReceiversOfTheRunningRoutingTree()
    {
        var html = await live.App.Http.GetStringAsync(new Uri("rules", UriKind.Relative));

        Assert.Contains("critical, database-team", Row(html, "MySQLDown"), StringComparison.Ordinal);
        Assert.Contains("business-team", Row(html, "UserLoginFailureSpike"), StringComparison.Ordinal);
        Assert.Contains("mysql_up == 0", Row(html, "MySQLDown"), StringComparison.Ordinal);
        Assert.DoesNotContain("notice error", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryDashboardDrawsEveryPanelWithDataFromTheLivePrometheus()
    {
        foreach (var (_, dashboard) in DashboardCatalog.Dashboards)
        {
            var uid = dashboard.GetProperty("uid").GetString();
            IReadOnlyList<RenderedPanel> panels = [];
            try
            {
                await Poll.UntilAsync(
                    async () =>
                    {
                        panels = RenderedPanel.Parse(await live.App.Http.GetStringAsync(new Uri($"dashboards/{uid}?from=now-5m&refresh=off", UriKind.Relative)));
                        return panels.Count > 0 && panels.All(panel => !panel.IsError && !panel.Html.Contains("No data", StringComparison.Ordinal));
                    },
                    TimeSpan.FromSeconds(60),
                    $"every panel of {uid} had data");
            }
            catch (TimeoutException)
            {
                var failing = panels.Where(panel => panel.IsError || panel.Html.Contains("No data", StringComparison.Ordinal)).Select(panel => $"{panel.Title}: {panel.Error ?? "No data"}");
                Assert.Fail($"{uid}: panels without data:\n{string.Join("\n", failing)}\n{live.Logs}");
            }

            Assert.All(panels.Where(panel => panel.Type == "timeseries"), panel => Assert.NotEmpty(panel.SeriesPaths));
        }
    }

    private static string Row(string html, string rule) =>
        RuleRow().Matches(html).Select(match => match.Value).FirstOrDefault(row => row.Contains($"data-rule=\"{rule}\"", StringComparison.Ordinal))
            ?? throw new Xunit.Sdk.XunitException($"The Rules page has no row for {rule}.");

    private static HashSet<string> Strings(JsonElement alert, string name) =>
        [.. alert.GetProperty(name).EnumerateArray().Select(value => value.GetString() ?? string.Empty)];

    [GeneratedRegex("<tr data-rule=\"[^\"]*\"[\\s\\S]*?</tr>")]
    private static partial Regex RuleRow();

    private async Task<HashSet<string>> ReceiversAsync(string alertname, string status) =>
    [
        .. (await live.App.GetNotificationsAsync($"?alertname={alertname}&status={status}"))
            .Select(notification => notification.GetProperty("receiver").GetString() ?? string.Empty),
    ];

    private static HashSet<string> Sources(JsonElement alert) =>
        [.. alert.GetProperty("sources").EnumerateArray().Select(source => source.GetString() ?? string.Empty)];

    // As Prometheus posts an alert: its rule's labels, annotations and the link to its expression.
    private static Dictionary<string, object?> Alert(string alertname, string component, string service, DateTimeOffset startsAt, DateTimeOffset? endsAt)
    {
        var alert = new Dictionary<string, object?>
        {
            ["labels"] = new Dictionary<string, string>
            {
                ["alertname"] = alertname,
                ["severity"] = "critical",
                ["component"] = component,
                ["service"] = service,
                ["instance"] = "127.0.0.1:9999",
            },
            ["annotations"] = new Dictionary<string, string> { ["summary"] = $"{alertname} ({service})" },
            ["startsAt"] = startsAt.ToString("O"),
            ["generatorURL"] = "http://127.0.0.1:9091/graph?g0.expr=up%3D%3D0",

            // Like Prometheus, a firing alert states an end well ahead: without one, Alertmanager would
            // resolve it by itself after its (compressed) resolve_timeout.
            ["endsAt"] = (endsAt ?? DateTimeOffset.UtcNow.AddHours(1)).ToString("O"),
        };
        return alert;
    }
}
