using Winyx.Alerts.Storage;

namespace Winyx.Alerts.Ingestion;

/// <summary>
/// Turns an Alertmanager webhook payload into a stored <see cref="Notification"/>. Transport-free:
/// the HTTP endpoint authenticates and parses, this validates, stamps, counts and stores (after
/// Aspire.Dashboard's <c>OtlpTraceService</c> in front of its <c>TelemetryRepository</c>).
/// </summary>
public sealed class NotificationIngestion(NotificationStore store, AlertsMetrics metrics, TimeProvider time, ILogger<NotificationIngestion> logger)
{
    private static readonly string[] Statuses = ["firing", "resolved"];

    /// <summary>Validates and stores <paramref name="payload"/>.</summary>
    public IngestionResult Ingest(AlertmanagerWebhookPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var errors = Validate(payload);
        if (errors.Count > 0)
        {
            metrics.Rejected("invalid");
            return IngestionResult.Invalid(errors);
        }

        var now = time.GetUtcNow();
        var notification = new Notification(now, payload.Receiver!, payload.Status!.ToLowerInvariant(), [.. payload.Alerts!.Select(alert => ToAlert(alert, payload.Status!))])
        {
            GroupKey = payload.GroupKey,
            ExternalUrl = payload.ExternalUrl,
        };

        var firstFiring = FiringForTheFirstTime(notification);
        store.Add(notification);
        metrics.Received(notification);
        foreach (var alert in firstFiring)
        {
            metrics.FirstNotified(alert, notification.Receiver, now);
        }

        logger.LogInformation(
            "Notification to {Receiver}: {Status}, {AlertCount} alert(s): {Alertnames}",
            notification.Receiver,
            notification.Status,
            notification.Alerts.Count,
            string.Join(", ", notification.Alerts.Select(alert => alert.Alertname).Distinct()));
        return IngestionResult.Success(notification);
    }

    private static Dictionary<string, string[]> Validate(AlertmanagerWebhookPayload payload)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(payload.Receiver))
        {
            errors["receiver"] = ["The receiver name is required."];
        }

        if (!IsStatus(payload.Status))
        {
            errors["status"] = ["The status must be 'firing' or 'resolved'."];
        }

        if (payload.Alerts is null || payload.Alerts.Count == 0)
        {
            errors["alerts"] = ["At least one alert is required."];
        }
        else if (payload.Alerts.Any(alert => alert is null || alert.Labels is null))
        {
            errors["alerts"] = ["Every alert needs its labels."];
        }
        else if (payload.Alerts.Any(alert => alert.Status is not null && !IsStatus(alert.Status)))
        {
            errors["alerts"] = ["An alert's status must be 'firing' or 'resolved'."];
        }

        return errors;
    }

    private static bool IsStatus(string? status) =>
        status is not null && Statuses.Contains(status, StringComparer.OrdinalIgnoreCase);

    private NotificationAlert ToAlert(AlertmanagerWebhookAlert alert, string groupStatus)
    {
        var labels = alert.Labels!;
        return new NotificationAlert(
            labels.GetValueOrDefault("alertname") ?? string.Empty,
            (alert.Status ?? groupStatus).ToLowerInvariant(),
            labels,
            alert.Annotations ?? new Dictionary<string, string>(),
            alert.StartsAt is { Year: > 1 } startsAt ? startsAt : time.GetUtcNow(),
            alert.EndsAt is { Year: > 1 } endsAt ? endsAt : null)
        {
            Fingerprint = alert.Fingerprint,
            GeneratorUrl = alert.GeneratorUrl,
        };
    }

    // Only the first firing notification of an alert occurrence (same alert, same start) to a receiver
    // measures the delivery delay; repeats would count the repeat interval instead.
    private List<NotificationAlert> FiringForTheFirstTime(Notification notification)
    {
        var firing = notification.Alerts.Where(alert => alert.Status == "firing").ToList();
        if (firing.Count == 0)
        {
            return firing;
        }

        var earlier = store.Query(new NotificationQuery { Receiver = notification.Receiver })
            .SelectMany(previous => previous.Alerts)
            .Where(alert => alert.Status == "firing")
            .Select(alert => (alert.Identity, alert.StartsAt))
            .ToHashSet();
        return [.. firing.Where(alert => !earlier.Contains((alert.Identity, alert.StartsAt)))];
    }
}
