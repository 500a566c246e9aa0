using System.Diagnostics;

namespace Winyx.LoadTests.Scheduling;

/// <summary>The real clock: <see cref="Stopwatch"/> time, paced by <see cref="PrecisePacer"/>.</summary>
public sealed class SystemClock : IClock
{
    private readonly long _origin = Stopwatch.GetTimestamp();

    /// <inheritdoc />
    public TimeSpan Now => Stopwatch.GetElapsedTime(_origin);

    /// <inheritdoc />
    public void WaitUntil(TimeSpan deadline, CancellationToken cancellationToken) =>
        PrecisePacer.WaitUntil(this, deadline, cancellationToken);

    /// <inheritdoc />
    public async Task DelayUntilAsync(TimeSpan deadline, CancellationToken cancellationToken)
    {
        var remaining = deadline - Now;
        if (remaining > TimeSpan.Zero)
        {
            await Task.Delay(remaining, cancellationToken).ConfigureAwait(false);
        }
    }
}
