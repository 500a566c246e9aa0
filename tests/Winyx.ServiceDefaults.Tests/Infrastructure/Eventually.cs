namespace Winyx.ServiceDefaults.Tests.Infrastructure;

/// <summary>
/// Deadline polling: re-checks a probe until it yields a value, failing with what never happened.
/// (Winyx.Testing has the fleet-wide equivalent; this project stays free of the orchestrator it pulls in,
/// since the service defaults sit below it.)
/// </summary>
internal static class Eventually
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    /// <summary>Waits until <paramref name="probe"/> returns non-null, or throws <see cref="TimeoutException"/>.</summary>
    public static async Task<T> ValueAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? timeout = null)
        where T : class
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(5));
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }

            await Task.Delay(Interval);
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds, or throws <see cref="TimeoutException"/>.</summary>
    public static Task TrueAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        ValueAsync(() => Task.FromResult(condition() ? string.Empty : null), what, timeout);
}
