namespace Winyx.LoadTests.Scheduling;

/// <summary>
/// The engine's monotonic time, injectable so schedulers can be tested with a controllable clock.
/// </summary>
public interface IClock
{
    /// <summary>Time elapsed since the clock's origin.</summary>
    TimeSpan Now { get; }

    /// <summary>
    /// Blocks the calling thread until <see cref="Now"/> reaches <paramref name="deadline"/>, precisely:
    /// the open model's scheduler thread paces iterations with it.
    /// </summary>
    void WaitUntil(TimeSpan deadline, CancellationToken cancellationToken);

    /// <summary>Waits asynchronously, without precision, until <see cref="Now"/> reaches <paramref name="deadline"/>.</summary>
    Task DelayUntilAsync(TimeSpan deadline, CancellationToken cancellationToken);
}
