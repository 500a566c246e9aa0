namespace Winyx.LoadTests.AlertProof;

/// <summary>Waiting for a quiet fleet: Prometheus holds no pending or firing alert.</summary>
public static class FleetQuiet
{
    /// <summary>
    /// Waits until no alert has been pending or firing for <paramref name="sustained"/>, at most until
    /// <see cref="AlertProofTiming.QuietDeadline"/>; logs what is still active when it gives up.
    /// </summary>
    public static async Task<bool> WaitAsync(ProofContext context, TimeSpan sustained, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var deadline = DateTimeOffset.UtcNow + AlertProofTiming.QuietDeadline;
        DateTimeOffset? quietSince = null;
        while (DateTimeOffset.UtcNow < deadline)
        {
            var now = DateTimeOffset.UtcNow;
            quietSince = context.Watcher.Current.Count == 0 ? quietSince ?? now : null;
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
