using Microsoft.Extensions.Options;
using Winyx.Backup.Configuration;
using Winyx.Backup.Health;
using Winyx.Backup.Storage;

namespace Winyx.Backup.Jobs;

/// <summary>
/// Every <see cref="BackupOptions.VerifyInterval"/>, re-reads the newest finished backup on disk and
/// rewrites the textfile metrics from it (<see cref="BackupRunner.VerifyAsync"/>): a backup truncated,
/// emptied or deleted after it was written then shows in BackupTooSmall or BackupTooOld instead of
/// being reported as it was written. It starts once the first backup attempt has finished, so until
/// then the previous run's metrics stand rather than a "none" the first backup is about to correct.
/// Logs a warning once per change (not once per pass) when the newest backup's size differs from
/// when it was written, or when the newest backup disappeared.
/// </summary>
public sealed partial class BackupVerifier(BackupRunner runner, BackupStatus status, IOptions<BackupOptions> options, TimeProvider time, ILogger<BackupVerifier> logger)
    : BackgroundService
{
    private (string Path, long SizeBytes)? _baseline;
    private (string Path, long SizeBytes)? _reportedSize;
    private string? _lastNewest;
    private string? _reportedError;

    /// <summary>
    /// One pass: rewrites the metrics from the newest backup and reports what changed. Does nothing
    /// before the first backup attempt finished. A file-system error is logged (once per distinct
    /// message), not thrown.
    /// </summary>
    public async Task VerifyOnceAsync(CancellationToken cancellationToken)
    {
        if (status.Current.LastAttemptAt is null)
        {
            return;
        }

        BackupFile? newest;
        try
        {
            newest = await runner.VerifyAsync(cancellationToken).ConfigureAwait(false);
            _reportedError = null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (_reportedError != ex.Message)
            {
                _reportedError = ex.Message;
                LogVerifyFailed(logger, ex.Message);
            }

            return;
        }

        Report(newest);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.VerifyInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await VerifyOnceAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void Report(BackupFile? newest)
    {
        if (_lastNewest is { } previous && previous != newest?.Path && !File.Exists(previous))
        {
            LogNewestGone(logger, Path.GetFileName(previous), newest?.Name ?? "none");
        }

        _lastNewest = newest?.Path;
        if (newest is null)
        {
            _baseline = null;
            _reportedSize = null;
            return;
        }

        // The size it was written with: known for this process' own newest backup; for any other
        // (an earlier run's, or the fallback after a deletion) the size first seen stands in.
        if (status.Current.LastSuccess is { } written && written.Path == newest.Path)
        {
            _baseline = (written.Path, written.SizeBytes);
        }
        else if (_baseline?.Path != newest.Path)
        {
            _baseline = (newest.Path, newest.SizeBytes);
        }

        var expected = _baseline!.Value.SizeBytes;
        if (newest.SizeBytes == expected)
        {
            _reportedSize = null;
        }
        else if (_reportedSize != (newest.Path, newest.SizeBytes))
        {
            _reportedSize = (newest.Path, newest.SizeBytes);
            LogSizeChanged(logger, newest.Name, newest.SizeBytes, expected);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Newest backup {Name} is {SizeBytes} bytes on disk but was {WrittenBytes} bytes when written; the metrics now report what is on disk")]
    private static partial void LogSizeChanged(ILogger logger, string name, long sizeBytes, long writtenBytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Newest backup {Name} is gone; the metrics now report {Fallback}")]
    private static partial void LogNewestGone(ILogger logger, string name, string fallback);

    [LoggerMessage(Level = LogLevel.Error, Message = "Backup verification failed: {Error}")]
    private static partial void LogVerifyFailed(ILogger logger, string error);
}
