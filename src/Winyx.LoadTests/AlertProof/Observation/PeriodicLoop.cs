namespace Winyx.LoadTests.AlertProof.Observation;

/// <summary>
/// Runs an observation now and then every interval on the thread pool until disposed; disposing stops it
/// and waits for the running observation to end. What the proof's watchers of the fleet and the host share.
/// </summary>
internal sealed class PeriodicLoop : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    /// <summary>Starts calling <paramref name="observe"/>.</summary>
    public PeriodicLoop(TimeSpan interval, Func<CancellationToken, Task> observe) =>
        _loop = Task.Run(() => RunAsync(interval, observe));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task RunAsync(TimeSpan interval, Func<CancellationToken, Task> observe)
    {
        using var timer = new PeriodicTimer(interval);
        do
        {
            await observe(_stop.Token).ConfigureAwait(false);
        }
        while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false));
    }
}
