namespace Winyx.LoadTests.Scheduling;

/// <summary>
/// Waits for a deadline with sub-millisecond precision on a dedicated thread. Task.Delay and timers
/// fire on a ~1 ms (often coarser) tick and then wait for a thread-pool thread, which is how a naive
/// pacer ends up with a p99 lag of 180 ms under load; instead this sleeps while the deadline is far,
/// yields the core while it is near, and spins for the last few microseconds.
/// </summary>
public static class PrecisePacer
{
    /// <summary>Beyond this, sleep: Thread.Sleep(1) on Linux returns after ~1.05–1.1 ms.</summary>
    public static readonly TimeSpan SleepThreshold = TimeSpan.FromMilliseconds(1.5);

    /// <summary>Within this, spin without yielding.</summary>
    public static readonly TimeSpan SpinThreshold = TimeSpan.FromMicroseconds(20);

    /// <summary>Blocks until <paramref name="clock"/> reaches <paramref name="deadline"/> or the token is cancelled.</summary>
    public static void WaitUntil(IClock clock, TimeSpan deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clock);
        while (!cancellationToken.IsCancellationRequested)
        {
            var remaining = deadline - clock.Now;
            if (remaining <= TimeSpan.Zero)
            {
                return;
            }

            if (remaining > SleepThreshold)
            {
                // Sleep whole milliseconds, leaving the last stretch to the finer waits below.
                var sleepMs = (int)Math.Max(1, (remaining - SleepThreshold).TotalMilliseconds);
                Thread.Sleep(Math.Min(sleepMs, 50));
            }
            else if (remaining > SpinThreshold)
            {
                Thread.Yield();
            }
            else
            {
                Thread.SpinWait(20);
            }
        }
    }
}
