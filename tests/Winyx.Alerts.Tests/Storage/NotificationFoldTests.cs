using Winyx.Alerts.Firing;
using Winyx.Alerts.History;
using Winyx.Alerts.Storage;
using static Winyx.Alerts.Tests.Storage.NotificationStoreTests;

namespace Winyx.Alerts.Tests.Storage;

/// <summary>What the views derive from the history: the alerts firing now and the timeline picture.</summary>
public sealed class NotificationFoldTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AFiringAlertNamesEveryReceiverNotifiedOfIt()
    {
        var firing = NotificationFold.Firing(
        [
            Notification(T0, "critical", "firing", "MySQLDown"),
            Notification(T0, "database-team", "firing", "MySQLDown"),
        ]);

        var alert = Assert.Single(firing);
        Assert.Equal("MySQLDown", alert.Alertname);
        Assert.Equal(["critical", "database-team"], alert.Receivers);
        Assert.Equal([AlertSource.Webhook], alert.Sources);
    }

    [Fact]
    public void AResolvedAlertDropsOut()
    {
        var firing = NotificationFold.Firing(
        [
            Notification(T0, "critical", "firing", "APIServiceDown"),
            Notification(T0.AddMinutes(1), "critical", "firing", "WebDown"),
            Notification(T0.AddMinutes(2), "critical", "resolved", "APIServiceDown"),
        ]);

        Assert.Equal("WebDown", Assert.Single(firing).Alertname);
    }

    [Fact]
    public void TheTimelineDrawsALanePerAlertWithItsSpanAndATickPerNotification()
    {
        var notifications = new[]
        {
            Notification(T0.AddMinutes(10), "critical", "firing", "APIServiceDown"),
            Notification(T0.AddMinutes(20), "critical", "resolved", "APIServiceDown") with { },
            Notification(T0.AddMinutes(30), "default", "firing", "HighCPUUsage"),
        };

        // The resolved copy must belong to the same occurrence: same startsAt as the firing one.
        notifications[1] = notifications[1] with
        {
            Alerts = [notifications[1].Alerts[0] with { StartsAt = notifications[0].Alerts[0].StartsAt }],
        };
        var timeline = Timeline.Build(notifications, T0, T0.AddHours(1));

        Assert.Equal(["APIServiceDown", "HighCPUUsage"], timeline.Lanes.Select(lane => lane.Alertname));
        var api = timeline.Lanes[0];
        var span = Assert.Single(api.Spans);
        Assert.False(span.StillFiring);
        Assert.Equal(2, api.Ticks.Count);
        Assert.True(span.X2 > span.X1);
        var cpu = Assert.Single(timeline.Lanes[1].Spans);
        Assert.True(cpu.StillFiring);
        Assert.Equal(Timeline.Right, cpu.X2);
        Assert.Equal(["critical", "default"], timeline.Receivers.Select(r => r.Receiver));
    }
}
