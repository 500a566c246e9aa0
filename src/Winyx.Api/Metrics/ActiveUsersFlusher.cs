using Microsoft.Extensions.Options;

namespace Winyx.Api.Metrics;

/// <summary>
/// Sends the users <see cref="ActiveUsersTracker"/> noted to Redis every
/// <see cref="ActiveUsersOptions.FlushInterval"/>, and once more when the API stops, so no request waits
/// for Redis to be counted.
/// </summary>
public sealed class ActiveUsersFlusher(ActiveUsersTracker tracker, TimeProvider time, IOptions<ActiveUsersOptions> options)
    : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.FlushInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await tracker.FlushAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync flushes what is left.
        }
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await tracker.FlushAsync();
    }
}
