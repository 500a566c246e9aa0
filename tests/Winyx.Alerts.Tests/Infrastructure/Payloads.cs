namespace Winyx.Alerts.Tests.Infrastructure;

/// <summary>Alertmanager webhook payloads (version 4) as Alertmanager writes them.</summary>
public static class Payloads
{
    /// <summary>Alertmanager's "not yet" end time of a firing alert.</summary>
    public const string NotYet = "0001-01-01T00:00:00Z";

    /// <summary>A one-alert notification to <paramref name="receiver"/>.</summary>
    public static Dictionary<string, object?> Notification(
        string receiver, string status, string alertname, DateTimeOffset startsAt, DateTimeOffset? endsAt = null, string severity = "critical", string service = "api")
    {
        var labels = new Dictionary<string, string> { ["alertname"] = alertname, ["severity"] = severity, ["service"] = service };
        return new Dictionary<string, object?>
        {
            ["version"] = "4",
            ["groupKey"] = $"{{}}:{{alertname=\"{alertname}\"}}",
            ["truncatedAlerts"] = 0,
            ["status"] = status,
            ["receiver"] = receiver,
            ["groupLabels"] = new Dictionary<string, string> { ["alertname"] = alertname },
            ["commonLabels"] = labels,
            ["commonAnnotations"] = new Dictionary<string, string> { ["summary"] = $"{alertname} on {service}" },
            ["externalURL"] = "http://127.0.0.1:9093",
            ["alerts"] = new[]
            {
                new Dictionary<string, object?>
                {
                    ["status"] = status,
                    ["labels"] = labels,
                    ["annotations"] = new Dictionary<string, string> { ["summary"] = $"{alertname} on {service}", ["description"] = "Scrape target down." },
                    ["startsAt"] = startsAt.ToString("O"),
                    ["endsAt"] = endsAt?.ToString("O") ?? NotYet,
                    ["generatorURL"] = "http://127.0.0.1:9091/graph?g0.expr=up%3D%3D0",
                    ["fingerprint"] = $"fp-{alertname}-{service}",
                },
            },
        };
    }

    /// <summary>A unique alert name for one test, so tests sharing an app never see each other's alerts.</summary>
    public static string UniqueAlertname(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..(prefix.Length + 8)];
}
