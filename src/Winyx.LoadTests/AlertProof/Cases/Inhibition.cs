namespace Winyx.LoadTests.AlertProof.Cases;

/// <summary>The routing tree's inhibition rule: a critical alert silences its warning twin.</summary>
public static class Inhibition
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    /// <summary>
    /// While HighDatabaseConnections fires as critical, Alertmanager holds its warning twin as
    /// inhibited, and no notification of the warning follows the critical's.
    /// </summary>
    public static async Task<IReadOnlyList<CaseCheck>> WarningTwinIsSilencedAsync(ProofContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        const string alert = "HighDatabaseConnections";
        var until = DateTimeOffset.UtcNow + Deadline;
        IReadOnlyList<(IReadOnlyDictionary<string, string> Labels, bool Inhibited)> held = [];
        while (DateTimeOffset.UtcNow < until)
        {
            held = await context.Apis.AlertmanagerAlertsAsync(alert, cancellationToken).ConfigureAwait(false);
            if (held.Any(a => Severity(a.Labels) == "warning" && a.Inhibited) && held.Any(a => Severity(a.Labels) == "critical"))
            {
                break;
            }

            await Task.Delay(AlertProofTiming.PollInterval, cancellationToken).ConfigureAwait(false);
        }

        var warningInhibited = held.Any(a => Severity(a.Labels) == "warning" && a.Inhibited);
        var notifications = await context.Apis.NotificationsAsync(cancellationToken).ConfigureAwait(false);
        var criticalAt = notifications.FirstOrDefault(n => n.Alerts.Any(a => a.AlertName == alert && a.Severity == "critical" && a.Status == "firing"))?.ReceivedAt;
        var warningsAfter = criticalAt is null ? 0 : notifications.Count(n => n.ReceivedAt > criticalAt && n.Alerts.Any(a => a.AlertName == alert && a.Severity == "warning" && a.Status == "firing"));
        return
        [
            new("Alertmanager holds the warning twin as inhibited", warningInhibited,
                string.Join("; ", held.Select(a => $"{Severity(a.Labels)}: {(a.Inhibited ? "inhibited" : "active")}"))),
            new("no warning notification after the critical one", criticalAt is not null && warningsAfter == 0,
                criticalAt is null ? "no critical notification seen" : $"{warningsAfter} warning notification(s) after the critical one"),
        ];
    }

    private static string Severity(IReadOnlyDictionary<string, string> labels) => labels.GetValueOrDefault("severity", string.Empty);
}
