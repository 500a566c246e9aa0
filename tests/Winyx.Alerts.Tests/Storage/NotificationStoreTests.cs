using Winyx.Alerts.Storage;
using Winyx.Testing;

namespace Winyx.Alerts.Tests.Storage;

/// <summary>The store on its own: bounded, ordered, filtered, and surviving a restart.</summary>
public sealed class NotificationStoreTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
    private readonly string _directory = TestDirectories.Create("alerts-store");

    public void Dispose() => TestDirectories.Delete(_directory);

    [Fact]
    public void QueriesAnswerOldestFirst()
    {
        using var store = NotificationStore.Open(_directory, 100);
        for (var i = 0; i < 5; i++)
        {
            store.Add(Notification(T0.AddMinutes(i), "default", "firing", $"Alert{i}"));
        }

        Assert.Equal(["Alert0", "Alert1", "Alert2", "Alert3", "Alert4"], store.Query(NotificationQuery.All).Select(n => n.Alerts[0].Alertname));
    }

    [Fact]
    public void TheOldestAreDroppedPastTheBound()
    {
        using var store = NotificationStore.Open(_directory, 3);
        for (var i = 0; i < 10; i++)
        {
            store.Add(Notification(T0.AddMinutes(i), "default", "firing", $"Alert{i}"));
        }

        Assert.Equal(3, store.Count);
        Assert.Equal(["Alert7", "Alert8", "Alert9"], store.Query(NotificationQuery.All).Select(n => n.Alerts[0].Alertname));
    }

    [Fact]
    public void TheFileIsCompactedSoItNeverHoldsMoreThanTwiceTheBound()
    {
        using var store = NotificationStore.Open(_directory, 4);
        for (var i = 0; i < 50; i++)
        {
            store.Add(Notification(T0.AddMinutes(i), "default", "firing", $"Alert{i}"));
        }

        Assert.True(File.ReadLines(store.FilePath).Count() < 8, "the file was compacted");
        Assert.Equal(["Alert46", "Alert47", "Alert48", "Alert49"], store.Query(NotificationQuery.All).Select(n => n.Alerts[0].Alertname));
    }

    [Fact]
    public void FiltersBySinceAlertnameReceiverAndStatus()
    {
        using var store = NotificationStore.Open(_directory, 100);
        store.Add(Notification(T0, "critical", "firing", "APIServiceDown"));
        store.Add(Notification(T0.AddMinutes(1), "database-team", "firing", "MySQLDown"));
        store.Add(Notification(T0.AddMinutes(2), "critical", "firing", "MySQLDown"));
        store.Add(Notification(T0.AddMinutes(3), "critical", "resolved", "APIServiceDown"));

        Assert.Equal(2, store.Query(new NotificationQuery { Since = T0.AddMinutes(2) }).Count);
        Assert.Equal(2, store.Query(new NotificationQuery { Alertname = "MySQLDown" }).Count);
        Assert.Equal(3, store.Query(new NotificationQuery { Receiver = "critical" }).Count);
        var resolved = Assert.Single(store.Query(new NotificationQuery { Status = "resolved" }));
        Assert.Equal("APIServiceDown", resolved.Alerts[0].Alertname);
        Assert.Single(store.Query(new NotificationQuery { Alertname = "MySQLDown", Receiver = "critical" }));
    }

    [Fact]
    public void TheHistorySurvivesReopeningTheStore()
    {
        var sent = Notification(T0, "critical", "firing", "APIServiceDown");
        using (var store = NotificationStore.Open(_directory, 100))
        {
            store.Add(sent);
            store.Add(Notification(T0.AddMinutes(1), "critical", "resolved", "APIServiceDown"));
        }

        using var reopened = NotificationStore.Open(_directory, 100);
        var kept = reopened.Query(NotificationQuery.All);
        Assert.Equal(2, kept.Count);
        Assert.Equal(sent.ReceivedAt, kept[0].ReceivedAt);
        Assert.Equal("critical", kept[0].Receiver);
        Assert.Equal(sent.Alerts[0].Labels, kept[0].Alerts[0].Labels);
        Assert.Equal(sent.Alerts[0].StartsAt, kept[0].Alerts[0].StartsAt);
        Assert.Null(kept[0].Alerts[0].EndsAt);
        Assert.Equal("resolved", kept[1].Status);
    }

    [Fact]
    public void ATornLastLineIsSkippedAndTheRestKept()
    {
        using (var store = NotificationStore.Open(_directory, 100))
        {
            store.Add(Notification(T0, "default", "firing", "HighCPUUsage"));
        }

        File.AppendAllText(Path.Combine(_directory, NotificationStore.FileName), "{\"receivedAt\":\"2026-12-01T10:01:00Z\",\"rece");
        using var reopened = NotificationStore.Open(_directory, 100);

        Assert.Equal(1, reopened.SkippedLines);
        Assert.Equal("HighCPUUsage", Assert.Single(reopened.Query(NotificationQuery.All)).Alerts[0].Alertname);
        reopened.Add(Notification(T0.AddMinutes(2), "default", "resolved", "HighCPUUsage"));
        Assert.Equal(2, reopened.Count);
    }

    [Fact]
    public void ASmallerBoundOnReopeningKeepsTheNewest()
    {
        using (var store = NotificationStore.Open(_directory, 100))
        {
            for (var i = 0; i < 6; i++)
            {
                store.Add(Notification(T0.AddMinutes(i), "default", "firing", $"Alert{i}"));
            }
        }

        using var reopened = NotificationStore.Open(_directory, 2);
        Assert.Equal(["Alert4", "Alert5"], reopened.Query(NotificationQuery.All).Select(n => n.Alerts[0].Alertname));
        Assert.Equal(2, File.ReadLines(reopened.FilePath).Count());
    }

    internal static Notification Notification(DateTimeOffset receivedAt, string receiver, string status, string alertname) =>
        new(receivedAt, receiver, status,
        [
            new NotificationAlert(
                alertname,
                status,
                new Dictionary<string, string> { ["alertname"] = alertname, ["severity"] = "critical", ["service"] = "api" },
                new Dictionary<string, string> { ["summary"] = alertname + " fired" },
                receivedAt.AddMinutes(-1),
                status == "resolved" ? receivedAt : null)
            {
                Fingerprint = "fp-" + alertname,
            },
        ]);
}
