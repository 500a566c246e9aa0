using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Winyx.Alerts.Tests.Infrastructure;
using Winyx.Testing;

namespace Winyx.Alerts.Tests.Webhook;

/// <summary>The webhook against the real app process: authentication, parsing, storage and the read API.</summary>
public sealed partial class WebhookTests(AlertsAppFixture fixture) : IClassFixture<AlertsAppFixture>
{
    private static readonly DateTimeOffset Started = DateTimeOffset.UtcNow.AddMinutes(-3);
    private readonly AlertsApp _app = fixture.App;

    [Fact]
    public async Task AWebhookWithoutTheTokenGets401AndNothingIsStored()
    {
        var alertname = Payloads.UniqueAlertname("Forged");
        using var response = await _app.PostWebhookAsync(JsonContent.Create(Payloads.Notification("critical", "firing", alertname, Started)), token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Empty(await _app.GetNotificationsAsync($"?alertname={alertname}"));
    }

    [Fact]
    public async Task AWebhookWithAWrongTokenGets401AndNothingIsStored()
    {
        var alertname = Payloads.UniqueAlertname("Forged");
        using var response = await _app.PostWebhookAsync(JsonContent.Create(Payloads.Notification("critical", "firing", alertname, Started)), "not-the-token");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await _app.GetNotificationsAsync($"?alertname={alertname}"));
        Assert.DoesNotContain(await _app.GetAlertsAsync(), alert => alert.GetProperty("alertname").GetString() == alertname);
    }

    [Fact]
    public async Task MalformedJsonGets400ProblemDetails()
    {
        using var response = await _app.PostWebhookAsync(new StringContent("{\"receiver\": \"critical\", \"alerts\": [", Encoding.UTF8, "application/json"), _app.Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task APayloadWithoutAReceiverGets400NamingIt()
    {
        var payload = Payloads.Notification("critical", "firing", Payloads.UniqueAlertname("NoReceiver"), Started);
        payload.Remove("receiver");
        using var response = await _app.PostWebhookAsync(JsonContent.Create(payload), _app.Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("receiver", out _));
    }

    [Fact]
    public async Task ARealPayloadIsStoredAndServedInTheContractShape()
    {
        var alertname = Payloads.UniqueAlertname("ApiDown");
        await _app.DeliverAsync(Payloads.Notification("critical", "firing", alertname, Started));

        var notification = Assert.Single(await _app.GetNotificationsAsync($"?alertname={alertname}"));
        Assert.Equal(["receivedAt", "receiver", "status", "alerts"], notification.EnumerateObject().Select(p => p.Name));
        Assert.Equal("critical", notification.GetProperty("receiver").GetString());
        Assert.Equal("firing", notification.GetProperty("status").GetString());
        var alert = Assert.Single(notification.GetProperty("alerts").EnumerateArray().ToList());
        Assert.Equal(["alertname", "status", "labels", "annotations", "startsAt", "endsAt"], alert.EnumerateObject().Select(p => p.Name));
        Assert.Equal(alertname, alert.GetProperty("alertname").GetString());
        Assert.Equal("api", alert.GetProperty("labels").GetProperty("service").GetString());
        Assert.Equal($"{alertname} on api", alert.GetProperty("annotations").GetProperty("summary").GetString());
        Assert.Equal(Started.ToUnixTimeSeconds(), alert.GetProperty("startsAt").GetDateTimeOffset().ToUnixTimeSeconds());
        Assert.Equal(JsonValueKind.Null, alert.GetProperty("endsAt").ValueKind);

        var firing = Assert.Single(await _app.GetAlertsAsync(), a => a.GetProperty("alertname").GetString() == alertname);
        Assert.Equal(["webhook"], firing.GetProperty("sources").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(["critical"], firing.GetProperty("receivers").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task AResolvedNotificationTakesTheAlertOutOfTheFiringList()
    {
        var alertname = Payloads.UniqueAlertname("WebDown");
        await _app.DeliverAsync(Payloads.Notification("critical", "firing", alertname, Started));
        Assert.Contains(await _app.GetAlertsAsync(), a => a.GetProperty("alertname").GetString() == alertname);

        await _app.DeliverAsync(Payloads.Notification("critical", "resolved", alertname, Started, DateTimeOffset.UtcNow));

        Assert.DoesNotContain(await _app.GetAlertsAsync(), a => a.GetProperty("alertname").GetString() == alertname);
        var history = await _app.GetNotificationsAsync($"?alertname={alertname}");
        Assert.Equal(["firing", "resolved"], history.Select(n => n.GetProperty("status").GetString()));
        Assert.Single(await _app.GetNotificationsAsync($"?alertname={alertname}&status=resolved"));
    }

    [Fact]
    public async Task NotificationsFilterByReceiverAndSince()
    {
        var alertname = Payloads.UniqueAlertname("MySQLDown");
        await _app.DeliverAsync(Payloads.Notification("critical", "firing", alertname, Started));
        var between = DateTimeOffset.UtcNow;
        await _app.DeliverAsync(Payloads.Notification("database-team", "firing", alertname, Started));

        Assert.Equal(2, (await _app.GetNotificationsAsync($"?alertname={alertname}")).Count);
        Assert.Equal("database-team", Assert.Single(await _app.GetNotificationsAsync($"?alertname={alertname}&receiver=database-team")).GetProperty("receiver").GetString());
        var since = Uri.EscapeDataString(between.ToString("O"));
        Assert.Equal("database-team", Assert.Single(await _app.GetNotificationsAsync($"?alertname={alertname}&since={since}")).GetProperty("receiver").GetString());
        Assert.Equal(2, (await _app.GetNotificationsAsync($"?alertname={alertname}&since={Started.ToUnixTimeSeconds()}")).Count);
    }

    [Fact]
    public async Task ABadSinceGets400ProblemDetailsNamingIt()
    {
        using var response = await _app.Http.GetAsync(new Uri("api/notifications?since=yesterday-ish", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("since", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("since", problem.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task ReceivedNotificationsAreCountedOnMetrics()
    {
        var alertname = Payloads.UniqueAlertname("Counted");
        await _app.DeliverAsync(Payloads.Notification("business-team", "firing", alertname, Started, severity: "warning"));

        // The exporter caches a scrape for a moment: poll rather than read once.
        var metrics = string.Empty;
        await Poll.UntilAsync(
            async () => Received().IsMatch(metrics = await _app.Http.GetStringAsync(new Uri("metrics", UriKind.Relative))),
            TimeSpan.FromSeconds(10),
            "the business-team notification was counted on /metrics");
        Assert.Contains("alerts_notifications_stored", metrics, StringComparison.Ordinal);
        Assert.Contains("alerts_notification_delay_seconds_bucket", metrics, StringComparison.Ordinal);
    }

    [GeneratedRegex("alerts_notifications_received_total\\{[^}]*receiver=\"business-team\"[^}]*\\} [1-9]")]
    private static partial Regex Received();
}
