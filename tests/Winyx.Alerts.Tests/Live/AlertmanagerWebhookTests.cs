using System.Text.Json;
using Winyx.Testing;

namespace Winyx.Alerts.Tests.Live;

/// <summary>
/// A real Alertmanager routes alerts through the repository's routing tree and notifies the app's
/// webhook with its bearer token; the app records each notification with the receiver's name, shows
/// the alert firing (seen by the webhook and by Alertmanager's API), then resolved.
/// </summary>
public sealed class AlertmanagerWebhookTests(LiveAlertmanager live) : IClassFixture<LiveAlertmanager>
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
            $"both alerts were notified through their routes\n{live.Logs}\n{live.App.Logs}");
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
