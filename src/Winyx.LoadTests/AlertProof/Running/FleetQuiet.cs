namespace Winyx.LoadTests.AlertProof;

/// <summary>Waiting for a quiet fleet: Prometheus holds no pending or firing alert (of some names).</summary>
public static class FleetQuiet
{
    /// <summary>
    /// Waits until no alert (or, with <paramref name="names"/>, none of those) has been pending or
    /// firing for <paramref name="sustained"/>, at most <paramref name="deadline"/>; logs what is
    /// still active when it gives up.
    /// </summary>
    public static async Task<bool> WaitAsync(ProofContext context, TimeSpan sustained, TimeSpan deadline, CancellationToken cancellationToken, IReadOnlyCollection<string>? names = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var until = DateTimeOffset.UtcNow + deadline;
        DateTimeOffset? quietSince = null;
        while (DateTimeOffset.UtcNow < until)
        {
            var now = DateTimeOffset.UtcNow;
            var active = context.Watcher.Current.Any(a => names is null || names.Contains(a.Name));
            quietSince = active ? null : quietSince ?? now;
            if (quietSince is { } since && now - since >= sustained)
            {
                return true;
            }

            await Task.Delay(AlertProofTiming.PollInterval, cancellationToken).ConfigureAwait(false);
        }

        context.Log($"  still active: {string.Join(", ", context.Watcher.Current.Select(a => $"{a.Identity} ({a.State})"))}");
        return false;
    }
}
