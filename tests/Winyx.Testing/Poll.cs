using Winyx.Hosting.Executables;
using Winyx.Testing.Processes;

namespace Winyx.Testing;

/// <summary>
/// Deadline polling for tests, instead of fixed sleeps: re-check a condition until it holds,
/// fail with a message saying what never happened. Exceptions thrown by the condition count as
/// "not yet" and the last one is attached to the failure.
/// </summary>
/// <example>
/// <code>
/// await Poll.UntilAsync(() => File.Exists(marker), TimeSpan.FromSeconds(5), "the TERM trap wrote its marker");
/// </code>
/// </example>
public static class Poll
{
    /// <summary>Waits until <paramref name="condition"/> returns true, or throws <see cref="TimeoutException"/>.</summary>
    public static Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return PollingWait.UntilAsync(_ => condition(), timeout, message, cancellationToken: cancellationToken);
    }

    /// <summary>Waits until <paramref name="condition"/> returns true, or throws <see cref="TimeoutException"/>.</summary>
    public static Task UntilAsync(Func<bool> condition, TimeSpan timeout, string message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return PollingWait.UntilAsync(_ => Task.FromResult(condition()), timeout, message, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Waits until <paramref name="condition"/> returns true, or throws <see cref="TimeoutException"/>
    /// saying what <paramref name="describe"/> says at the deadline (for a message that shows the state
    /// that never changed: a process's output, the processes left).
    /// </summary>
    public static Task UntilAsync(Func<bool> condition, TimeSpan timeout, Func<string> describe, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return PollingWait.UntilAsync(_ => Task.FromResult(condition()), timeout, describe, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Waits until <paramref name="probe"/> returns a non-null value and returns it, or throws
    /// <see cref="TimeoutException"/>.
    /// </summary>
    public static async Task<T> ForValueAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, string message, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(probe);
        T? value = null;
        await PollingWait.UntilAsync(
            async _ => (value = await probe().ConfigureAwait(false)) is not null,
            timeout,
            message,
            cancellationToken: cancellationToken).ConfigureAwait(false);
        return value!;
    }
}
