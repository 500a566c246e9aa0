using System.IO.Compression;
using Winyx.Backup.Configuration;
using Winyx.Backup.Dumping;
using Winyx.Backup.Health;
using Winyx.Backup.Metrics;
using Winyx.Backup.Storage;

namespace Winyx.Backup.Jobs;

/// <summary>
/// One backup at a time, whoever asks (schedule or API): <c>mariadb-dump</c> gzip-compressed into a
/// dot-prefixed partial file, renamed to <c>db_backup_&lt;yyyyMMddTHHmmssZ&gt;.sql.gz</c> when complete,
/// the newest N kept. After a success it rewrites the textfile metrics; after a failure it leaves them
/// alone (so BackupTooOld fires as the last success ages), writing the "never succeeded" file only when
/// there is none. <see cref="VerifyAsync"/> rewrites them from what is on disk, under the same gate,
/// so a verification never overwrites a fresher result with what it read before a backup finished.
/// The metrics' timestamp is always the backup's name (when it was started), so both agree.
/// </summary>
public sealed partial class BackupRunner : IDisposable
{
    // Two dumps at once would double the load on the database and race on retention.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly BackupOptions _options;
    private readonly DumpTarget _target;
    private readonly MariaDbDump _dump;
    private readonly BackupStatus _status;
    private readonly TimeProvider _time;
    private readonly ILogger<BackupRunner> _logger;
    private readonly BackupCatalog _catalog;

    /// <summary>Creates the runner; <paramref name="options"/> must have been validated (directories set).</summary>
    public BackupRunner(BackupOptions options, DumpTarget target, MariaDbDump dump, BackupStatus status, TimeProvider time, ILogger<BackupRunner> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Directory);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.TextfileDirectory);
        _options = options;
        _target = target ?? throw new ArgumentNullException(nameof(target));
        _dump = dump ?? throw new ArgumentNullException(nameof(dump));
        _status = status ?? throw new ArgumentNullException(nameof(status));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _catalog = new BackupCatalog(options.Directory);
    }

    /// <summary>The backup directory.</summary>
    public BackupCatalog Catalog => _catalog;

    /// <summary>
    /// Runs one backup, after any running one finished. The outcome is logged and recorded in the
    /// health status before this returns or throws.
    /// </summary>
    /// <exception cref="BackupFailedException">The backup failed; the message says why.</exception>
    /// <exception cref="OperationCanceledException">Cancelled (the dump is killed, nothing is recorded).</exception>
    public async Task<BackupResult> RunAsync(BackupTrigger trigger, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            LogStarting(_logger, trigger, _target.ToString());
            var result = await WriteBackupAsync(cancellationToken).ConfigureAwait(false);
            var expired = _catalog.Prune(_options.Retain);
            var createdAt = BackupCatalog.CreatedAtOf(Path.GetFileName(result.Path)) ?? result.FinishedAt;
            BackupTextfileMetrics.Write(_options.TextfileDirectory!, _options.Type, createdAt.ToUnixTimeSeconds(), result.SizeBytes, _options.MinimumSize);
            _status.Succeeded(result);
            LogSucceeded(_logger, trigger, result.Path, result.SizeBytes, expired.Count);
            return result;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Every failure of an attempt is reported the same way: log, health, metrics.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            RecordFailure(trigger, ex);
            throw new BackupFailedException(ex.Message, ex);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Rewrites the textfile metrics from the newest finished backup on disk, after any running backup:
    /// its current length and the timestamp of its name. A deleted newest backup falls back to the next
    /// newest; with none left the metrics say so (timestamp 0, size 0). Returns the backup read, or null.
    /// </summary>
    /// <exception cref="IOException">The directory or the metrics file could not be read or written.</exception>
    /// <exception cref="UnauthorizedAccessException">As above, for want of permission.</exception>
    public async Task<BackupFile?> VerifyAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var newest = _catalog.List().FirstOrDefault();
            BackupTextfileMetrics.Write(_options.TextfileDirectory!, _options.Type, newest?.CreatedAt.ToUnixTimeSeconds() ?? 0, newest?.SizeBytes ?? 0, _options.MinimumSize);
            return newest;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    private async Task<BackupResult> WriteBackupAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_catalog.Directory);
        var name = BackupCatalog.NameFor(_time.GetUtcNow());
        var partial = _catalog.PartialPathOf(name);
        var path = _catalog.PathOf(name);
        try
        {
            var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
            await using (file.ConfigureAwait(false))
            {
                var gzip = new GZipStream(file, CompressionLevel.Optimal, leaveOpen: true);
                await using (gzip.ConfigureAwait(false))
                {
                    await _dump.DumpAsync(_target, gzip, cancellationToken).ConfigureAwait(false);
                }

                // On disk before the rename: a crash must not leave a complete-looking, truncated backup.
                file.Flush(flushToDisk: true);
            }

            File.Move(partial, path, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }

        return new BackupResult(path, new FileInfo(path).Length, _time.GetUtcNow());
    }

    private void RecordFailure(BackupTrigger trigger, Exception ex)
    {
        _status.Failed(ex.Message, _time.GetUtcNow());
        // A dump's message is its own error output; anything else is unexpected and keeps its stack.
        LogFailed(_logger, ex is DumpFailedException ? null : ex, trigger, _target.ToString(), ex.Message);
        try
        {
            BackupTextfileMetrics.WriteNeverSucceededUnlessPresent(_options.TextfileDirectory!, _options.Type, _options.MinimumSize);
        }
        catch (Exception metricsError) when (metricsError is IOException or UnauthorizedAccessException)
        {
            LogMetricsNotWritten(_logger, metricsError.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Trigger} backup of {Target} started")]
    private static partial void LogStarting(ILogger logger, BackupTrigger trigger, string target);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Trigger} backup written: {Path} ({SizeBytes} bytes); {Expired} old backup(s) removed")]
    private static partial void LogSucceeded(ILogger logger, BackupTrigger trigger, string path, long sizeBytes, int expired);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Trigger} backup of {Target} failed: {Error}")]
    private static partial void LogFailed(ILogger logger, Exception? exception, BackupTrigger trigger, string target, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Backup metrics not written: {Error}")]
    private static partial void LogMetricsNotWritten(ILogger logger, string error);
}
