namespace Winyx.ServiceDefaults.Chaos;

/// <summary>What the chaos switch does to one request or call.</summary>
/// <param name="Latency">Delay before the handler runs.</param>
/// <param name="Fail">Whether to fail it instead of running the handler.</param>
/// <param name="FailureStatus">The gRPC status name a failed call carries (<see cref="ChaosSettings.FailureStatus"/>).</param>
public readonly record struct ChaosDecision(TimeSpan Latency, bool Fail, string FailureStatus)
{
    /// <summary>Leave it alone.</summary>
    public static ChaosDecision None => new(TimeSpan.Zero, false, ChaosSettings.InternalStatus);

    /// <summary>
    /// Waits at least <see cref="Latency"/>, measured on the monotonic clock. The runtime's timers tick in
    /// whole milliseconds and can fire one early (a 300 ms delay was seen to end after 299 ms), and the
    /// latency is a floor that the alert proof and the tests rely on.
    /// </summary>
    public async Task DelayAsync(CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        for (var left = Latency; left > TimeSpan.Zero; left = Latency - System.Diagnostics.Stopwatch.GetElapsedTime(started))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(left.TotalMilliseconds)), cancellationToken).ConfigureAwait(false);
        }
    }
}
