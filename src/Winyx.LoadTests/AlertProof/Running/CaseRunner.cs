using System.Globalization;
using Winyx.LoadTests.AlertProof.Cases;
using Winyx.LoadTests.AlertProof.Observation;

namespace Winyx.LoadTests.AlertProof;

/// <summary>
/// Runs one case: a quiet fleet, the fault, each expected alert firing in Prometheus and notified
/// to its receivers, the case's extra checks, the fault removed, the resolved notifications.
/// </summary>
public sealed class CaseRunner(ProofContext context, IReadOnlyDictionary<(string Alert, string Severity), TimeSpan> holdDurations)
{
    /// <summary>Runs <paramref name="proofCase"/>; a failure is recorded in the result, not thrown.</summary>
    public async Task<CaseResult> RunAsync(ProofCase proofCase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(proofCase);
        context.CurrentCase = proofCase.Name;
        // The expected alerts must be silent to be detected afresh; the rest briefly, at best: on a busy
        // machine HighCPUUsage may hold, and an alert already active cannot be this fault's doing.
        await FleetQuiet.WaitAsync(context, TimeSpan.Zero, AlertProofTiming.QuietDeadline, cancellationToken, [.. proofCase.Expected.Select(e => e.Name)]).ConfigureAwait(false);
        await FleetQuiet.WaitAsync(context, TimeSpan.Zero, AlertProofTiming.CalmDeadline, cancellationToken).ConfigureAwait(false);
        context.Log($"{proofCase.Name}: {proofCase.Fault.Description}; expecting {string.Join(", ", proofCase.Expected)}");
        var minimums = proofCase.Expected.ToDictionary(e => e, TheoreticalMinimum);
        var faultAt = DateTimeOffset.UtcNow;
        var removedAt = faultAt;
        IReadOnlyList<CaseCheck> checks = [];
        string? error = null;
        try
        {
            var removal = await proofCase.Fault.StartAsync(context, cancellationToken).ConfigureAwait(false);
            try
            {
                var deadline = faultAt + minimums.Values.Max() + AlertProofTiming.DetectionSlack;
                await WaitAsync(() => AllNotifiedAsync(proofCase.Expected, faultAt, cancellationToken), deadline, cancellationToken).ConfigureAwait(false);
                await Task.Delay(AlertProofTiming.ReceiverSettle, cancellationToken).ConfigureAwait(false);
                if (proofCase.WhileFiring is { } whileFiring)
                {
                    checks = await whileFiring(context, cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                removedAt = DateTimeOffset.UtcNow;
                await removal.DisposeAsync().ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or IOException or TimeoutException)
        {
            error = ex.Message;
            context.Log($"{proofCase.Name}: {ex.Message}");
        }

        var notified = await NotifiedAsync(proofCase.Expected, faultAt, cancellationToken).ConfigureAwait(false);
        if (notified.Count > 0)
        {
            await WaitAsync(() => AllResolvedAsync(notified, removedAt, cancellationToken), DateTimeOffset.UtcNow + AlertProofTiming.ResolveDeadline, cancellationToken).ConfigureAwait(false);
        }

        var endedAt = DateTimeOffset.UtcNow;
        var outcomes = await OutcomesAsync(proofCase, minimums, faultAt, removedAt, cancellationToken).ConfigureAwait(false);
        var raised = context.Watcher.RaisedBetween(faultAt, endedAt);
        var observed = raised.Select(s => s.Identity).Distinct(StringComparer.Ordinal).ToList();
        var allowed = proofCase.Expected.Select(e => e.Name).Concat(proofCase.Consequences).ToHashSet(StringComparer.Ordinal);
        var judge = context.HostLoad;
        var hostBusy = raised.Where(s => !allowed.Contains(s.Name)).Select(judge.Corroboration).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var unexpected = raised.Where(s => !allowed.Contains(s.Name) && judge.Corroboration(s) is null).Select(s => s.Identity).Distinct(StringComparer.Ordinal).ToList();
        var result = new CaseResult(proofCase.Name, proofCase.Fault.Description, faultAt, removedAt, endedAt, outcomes, observed, unexpected, hostBusy, checks, error);
        Report(result);
        return result;
    }

    private TimeSpan TheoreticalMinimum(ExpectedAlert expected)
    {
        var hold = holdDurations.Where(h => h.Key.Alert == expected.Name && expected.IsTier(h.Key.Severity)).Select(h => h.Value).DefaultIfEmpty(TimeSpan.Zero).Min();
        return hold + context.Scale.ScrapeInterval + context.Scale.EvaluationInterval + context.Scale.CompressInterval(GroupWait) + expected.InherentDelay;
    }

    // The routing tree's group_wait in production (monitoring/alertmanager/alertmanager.yml).
    private static readonly TimeSpan GroupWait = TimeSpan.FromSeconds(10);

    private async Task<bool> AllNotifiedAsync(IReadOnlyList<ExpectedAlert> expected, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var notified = await NotifiedAsync(expected, since, cancellationToken).ConfigureAwait(false);
        return notified.Count == expected.Count;
    }

    // The expected alerts notified as firing since then, each as the tier proven: the resolution waited for
    // is the one the outcome checks (a critical resolving first must not end the wait for the warning
    // notified before it).
    private async Task<IReadOnlyList<ExpectedAlert>> NotifiedAsync(IReadOnlyList<ExpectedAlert> expected, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var notifications = await context.Apis.NotificationsAsync(cancellationToken).ConfigureAwait(false);
        return [.. expected.Select(e => FirstFiring(notifications, e, since) is { } first ? ProvenTier(e, first.Alert) : null).OfType<ExpectedAlert>()];
    }

    // The first notification since then carrying the expected alert as firing, with that alert.
    private static (AlertNotification Notification, NotifiedAlert Alert)? FirstFiring(IEnumerable<AlertNotification> notifications, ExpectedAlert expected, DateTimeOffset since) =>
        notifications.FirstOrDefault(n => n.ReceivedAt >= since && Carries(n, expected, "firing")) is { } first
            ? (first, first.Alerts.First(a => Matches(a, expected, "firing")))
            : null;

    // The tier notified first is the one proven; "any" then means exactly that tier.
    private static ExpectedAlert ProvenTier(ExpectedAlert expected, NotifiedAlert first) => expected with { Severity = first.Severity };

    private async Task<bool> AllResolvedAsync(IReadOnlyList<ExpectedAlert> expected, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var notifications = await context.Apis.NotificationsAsync(cancellationToken).ConfigureAwait(false);
        return expected.All(e => notifications.Any(n => n.ReceivedAt >= since && Carries(n, e, "resolved")));
    }

    private async Task<IReadOnlyList<AlertOutcome>> OutcomesAsync(ProofCase proofCase, Dictionary<ExpectedAlert, TimeSpan> minimums, DateTimeOffset faultAt, DateTimeOffset removedAt, CancellationToken cancellationToken)
    {
        var notifications = await context.Apis.NotificationsAsync(cancellationToken).ConfigureAwait(false);
        var spans = context.Watcher.Spans();
        return [.. proofCase.Expected.Select(expected =>
        {
            var firing = spans.Where(s => s.Name == expected.Name && expected.IsTier(s.Severity) && s.FiringAt >= faultAt).Min(s => s.FiringAt);
            var first = FirstFiring(notifications, expected, faultAt);
            var alert = first?.Alert;
            var tier = alert is null ? expected : ProvenTier(expected, alert);
            var receivers = notifications.Where(n => n.ReceivedAt >= faultAt && n.ReceivedAt <= removedAt && Carries(n, tier, "firing"))
                .Select(n => n.Receiver).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var resolved = notifications.Where(n => n.ReceivedAt >= removedAt && Carries(n, tier, "resolved")).Select(n => (DateTimeOffset?)n.ReceivedAt).FirstOrDefault();
            var resolvedEarly = first is { } f
                ? notifications.Where(n => n.ReceivedAt > f.Notification.ReceivedAt && n.ReceivedAt < removedAt && Carries(n, tier, "resolved")).Select(n => (DateTimeOffset?)n.ReceivedAt).FirstOrDefault()
                : null;
            var labels = alert?.Labels ?? new Dictionary<string, string>();
            return new AlertOutcome(
                expected.Name,
                alert?.Severity ?? expected.Severity,
                Seconds(firing - faultAt),
                Seconds(first?.Notification.ReceivedAt - faultAt),
                Math.Round(minimums[expected].TotalSeconds, 2),
                alert is null ? [] : AlertRoutes.ReceiversFor(labels),
                receivers,
                Seconds(resolved - removedAt),
                labels,
                alert?.Annotations ?? new Dictionary<string, string>())
            {
                ResolvedBeforeRemovalSeconds = Seconds(removedAt - resolvedEarly),
            };
        })];
    }

    private static bool Carries(AlertNotification notification, ExpectedAlert expected, string status) =>
        notification.Alerts.Any(a => Matches(a, expected, status));

    private static bool Matches(NotifiedAlert alert, ExpectedAlert expected, string status) =>
        alert.AlertName == expected.Name && expected.IsTier(alert.Severity) && alert.Status == status;

    private static double? Seconds(TimeSpan? span) => span is { } s ? Math.Round(s.TotalSeconds, 2) : null;

    private static async Task<bool> WaitAsync(Func<Task<bool>> condition, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (await condition().ConfigureAwait(false))
            {
                return true;
            }

            if (DateTimeOffset.UtcNow >= deadline)
            {
                return false;
            }

            await Task.Delay(AlertProofTiming.PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    private void Report(CaseResult result)
    {
        foreach (var outcome in result.Outcomes)
        {
            var status = outcome.Proven ? "proven" : "FAILED: " + string.Join("; ", outcome.Problems);
            context.Log(string.Create(CultureInfo.InvariantCulture,
                $"  {outcome.Name}/{outcome.Severity}: firing {outcome.FiringSeconds:0.0} s, notified {outcome.NotificationSeconds:0.0} s (minimum {outcome.TheoreticalMinimumSeconds:0.0} s) to {string.Join(", ", outcome.NotifiedReceivers)}, resolved {outcome.ResolvedSeconds:0.0} s after removal — {status}"));
        }

        foreach (var check in result.Checks)
        {
            context.Log($"  check: {check.Name}: {(check.Passed ? "held" : "FAILED")} ({check.Detail})");
        }

        if (result.Unexpected.Count > 0)
        {
            context.Log($"  unexpected alerts: {string.Join(", ", result.Unexpected)}");
        }

        foreach (var busy in result.HostBusy)
        {
            context.Log($"  corroborated, not a false positive: {busy}");
        }
    }
}
