using Microsoft.Extensions.Options;
using Winyx.Backup.Configuration;
using Winyx.Backup.Health;

namespace Winyx.Backup.Jobs;

/// <summary>
/// Backs up once at start, then <see cref="BackupOptions.Interval"/> after the newest successful
/// backup, whatever started it: a manual one (<c>POST /api/backups</c>, the dashboard's "Back up
/// now") resets the clock, so backups never come closer together than the interval needs. After a
/// failed attempt it tries again sooner (<see cref="RetryAfterFailure"/>, or the interval when
/// shorter): a database that was briefly down at start should not leave the fleet without a backup
/// for a whole day.
/// </summary>
public sealed partial class BackupScheduler(BackupRunner runner, BackupStatus status, IOptions<BackupOptions> options, TimeProvider time, ILogger<BackupScheduler> logger)
    : BackgroundService
{
    /// <summary>The longest wait before retrying a failed attempt.</summary>
    public static readonly TimeSpan RetryAfterFailure = TimeSpan.FromMinutes(5);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.Interval;
        LogScheduled(logger, interval);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                DateTimeOffset? failedAt = null;
                try
                {
                    await runner.RunAsync(BackupTrigger.Scheduled, stoppingToken).ConfigureAwait(false);
                }
                catch (BackupFailedException)
                {
                    // Already logged and recorded by the runner.
                    failedAt = time.GetUtcNow();
                }

                await WaitUntilDueAsync(interval, failedAt, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    // A backup finishing meanwhile only ever moves the due time later, so waking at the old due
    // time and looking again is enough: no signal from the runner is needed.
    private async Task WaitUntilDueAsync(TimeSpan interval, DateTimeOffset? failedAt, CancellationToken stoppingToken)
    {
        while (true)
        {
            var wait = Due(interval, failedAt) - time.GetUtcNow();
            if (wait <= TimeSpan.Zero)
            {
                return;
            }

            await Task.Delay(wait, time, stoppingToken).ConfigureAwait(false);
        }
    }

    // The interval after the newest success; after this loop's failed attempt with no success
    // since, the (shorter) retry delay after the failure.
    private DateTimeOffset Due(TimeSpan interval, DateTimeOffset? failedAt)
    {
        var succeededAt = status.Current.LastSuccess?.FinishedAt;
        if (failedAt is { } failed && !(succeededAt > failed))
        {
            return failed + (interval < RetryAfterFailure ? interval : RetryAfterFailure);
        }

        return (succeededAt ?? time.GetUtcNow()) + interval;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Backing up now, then {Interval} after the newest successful backup")]
    private static partial void LogScheduled(ILogger logger, TimeSpan interval);
}
