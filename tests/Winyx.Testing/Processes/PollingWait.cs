namespace Winyx.Testing.Processes;

/// <summary>
/// Deadline polling: re-evaluate a condition at a short interval until it holds or time runs
/// out. Exceptions from the condition count as "not yet" (a server that refuses connections is
/// simply not ready), and the last one is attached to the timeout for diagnosis.
/// </summary>
public static class PollingWait
{
    /// <summary>The interval used when none is given.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Waits until <paramref name="condition"/> returns true. Throws <see cref="TimeoutException"/>
    /// with <paramref name="message"/> after <paramref name="timeout"/>; honours cancellation.
    /// </summary>
    public static Task UntilAsync(
        Func<CancellationToken, Task<bool>> condition,
        TimeSpan timeout,
        string message,
        TimeSpan? interval = null,
        CancellationToken cancellationToken = default) =>
        UntilAsync(condition, timeout, () => message, interval, cancellationToken);

    /// <summary>
    /// Waits until <paramref name="condition"/> returns true. Throws <see cref="TimeoutException"/>
    /// with what <paramref name="describe"/> says at the deadline (the state that never changed,
    /// not the state before the wait); honours cancellation.
    /// </summary>
    public static async Task UntilAsync(
        Func<CancellationToken, Task<bool>> condition,
        TimeSpan timeout,
        Func<string> describe,
        TimeSpan? interval = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(describe);
        var deadline = DateTime.UtcNow + timeout;
        Exception? lastError = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                if (await condition(cancellationToken).ConfigureAwait(false))
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                lastError = ex;
            }

            if (DateTime.UtcNow >= deadline)
            {
                var detail = lastError is null ? string.Empty : $" Last error: {lastError.GetType().Name}: {lastError.Message}";
                throw new TimeoutException($"{describe()} (not reached within {timeout.TotalSeconds:0.###} s).{detail}", lastError);
            }

            await Task.Delay(interval ?? DefaultInterval, cancellationToken).ConfigureAwait(false);
        }
    }
}
