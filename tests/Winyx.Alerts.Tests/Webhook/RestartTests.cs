using Winyx.Alerts.Tests.Infrastructure;

namespace Winyx.Alerts.Tests.Webhook;

/// <summary>The history lives in the data directory: a restarted app serves what it had received.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task TheHistorySurvivesARestartOfTheApp()
    {
        await using var app = await AlertsApp.StartAsync();
        var alertname = Payloads.UniqueAlertname("Persisted");
        var started = DateTimeOffset.UtcNow.AddMinutes(-1);
        await app.DeliverAsync(Payloads.Notification("critical", "firing", alertname, started));
        await app.DeliverAsync(Payloads.Notification("database-team", "firing", alertname, started));
        var before = await app.GetNotificationsAsync();

        await app.RestartAsync();

        var after = await app.GetNotificationsAsync();
        Assert.Equal(before.Select(n => n.GetRawText()), after.Select(n => n.GetRawText()));
        Assert.Contains(await app.GetAlertsAsync(), a => a.GetProperty("alertname").GetString() == alertname);
    }
}
