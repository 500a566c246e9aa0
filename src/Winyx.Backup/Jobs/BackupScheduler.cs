using Microsoft.Extensions.Options;
using Winyx.Backup.Configuration;

namespace Winyx.Backup.Jobs;

/// <summary>
/// Backs up once at start, then every <see cref="BackupOptions.Interval"/>. After a failed attempt
/// it tries again sooner (<see cref="RetryAfterFailure"/>, or the interval when shorter): a database
/// that was briefly down at start should not leave the fleet without a backup for a whole day.
/// </summary>
public sealed partial class BackupScheduler(BackupRunner runner, IOptions<BackupOptions> options, TimeProvider time, ILogger<BackupScheduler> logger)
    : BackgroundService
{
    /// <summary>The longest wait before retrying a failed attempt.</summary>
    public static readonly TimeSpan RetryAfterFailure = TimeSpan.FromMinutes(5);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.Interval;
        LogScheduled(logger, interval);
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = interval;
            try
            {
                await runner.RunAsync(BackupTrigger.Scheduled, stoppingToken).ConfigureAwait(false);
            }
            catch (BackupFailedException)
            {
                // Already logged and recorded by the runner.
                wait = interval < RetryAfterFailure ? interval : RetryAfterFailure;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            try
            {
                await Task.Delay(wait, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Backing up now and then every {Interval}")]
    private static partial void LogScheduled(ILogger logger, TimeSpan interval);
}
