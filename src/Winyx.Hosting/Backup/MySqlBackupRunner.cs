using System.Globalization;
using System.IO.Compression;
using Winyx.Hosting.Orchestrator;
using Winyx.Hosting.Processes;

namespace Winyx.Hosting.Backup;

/// <summary>
/// The database backup job: <c>mariadb-dump --single-transaction --routines</c> (a consistent
/// snapshot without locking InnoDB tables), gzip-compressed to
/// <c>db_backup_&lt;yyyyMMddTHHmmssZ&gt;.sql.gz</c>, the newest N kept, at start and then every
/// interval. After each success it rewrites the node exporter textfile metrics; after a failure
/// it leaves them alone, so BackupTooOld fires as the last success ages.
/// </summary>
public sealed class MySqlBackupRunner : IBackgroundJob
{
    /// <summary>The file pattern of finished backups.</summary>
    public const string BackupPattern = "db_backup_*.sql.gz";

    private readonly MySqlBackupOptions _options;
    private readonly BackupStatus _status;
    private readonly TimeProvider _time;

    /// <summary>Creates the runner; <paramref name="status"/> feeds the health probe.</summary>
    public MySqlBackupRunner(MySqlBackupOptions options, BackupStatus status, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(status);
        _options = options;
        _status = status;
        _time = time ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public string Description => $"mariadb-dump {_options.Database} every {_options.Interval}";

    /// <inheritdoc />
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await RunOnceAsync(cancellationToken).ConfigureAwait(false);
            await Task.Delay(_options.Interval, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>One backup cycle; returns the new backup's path, or null when it failed (logged, status Failed).</summary>
    public async Task<string?> RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var path = await BackupAsync(cancellationToken).ConfigureAwait(false);
            var size = new FileInfo(path).Length;
            var finished = _time.GetUtcNow();
            var expired = BackupRetention.Prune(_options.BackupDirectory, BackupPattern, _options.Retain);
            BackupTextfileMetrics.Write(_options.TextfileDirectory, _options.Type, finished.ToUnixTimeSeconds(), size, _options.MinimumSize);
            _status.Succeeded(finished, size);
            _options.Log.Write($"backup written: {path} ({size} bytes); {expired.Count} old backup(s) removed");
            return path;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Any failure of one attempt is reported (log, health); the loop goes on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _status.Failed(ex.Message);
            _options.Log.Write($"backup failed: {ex.Message}", isError: true);
            WriteNeverSucceededMetrics();
            return null;
        }
    }

    private async Task<string> BackupAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_options.BackupDirectory);
        var name = $"db_backup_{_time.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}.sql.gz";
        var path = Path.Combine(_options.BackupDirectory, name);
        // Dot-prefixed partial names never match the backup pattern, so retention and readers skip them.
        var dump = Path.Combine(_options.BackupDirectory, $".{name}.sql.partial");
        var compressed = Path.Combine(_options.BackupDirectory, $".{name}.partial");
        try
        {
            await DumpAsync(dump, cancellationToken).ConfigureAwait(false);
            await CompressAsync(dump, compressed, cancellationToken).ConfigureAwait(false);
            File.Move(compressed, path, overwrite: true);
            return path;
        }
        finally
        {
            File.Delete(dump);
            File.Delete(compressed);
        }
    }

    private async Task DumpAsync(string resultFile, CancellationToken cancellationToken)
    {
        var options = new ManagedProcessOptions("mariadb-dump")
        {
            // --result-file keeps the dump off stdout (the process log); the password goes in MYSQL_PWD.
            Arguments =
            [
                $"--host={_options.Host}", $"--port={_options.Port.ToString(CultureInfo.InvariantCulture)}", $"--user={_options.User}",
                "--single-transaction", "--routines", $"--result-file={resultFile}", _options.Database,
            ],
            Environment = new Dictionary<string, string?>(StringComparer.Ordinal) { ["MYSQL_PWD"] = _options.Password },
            Output = _options.Log.Output,
            LogFilePath = _options.Log.LogFilePath,
            DisplayName = "mariadb-dump",
            InstallHint = InstallHints.ForPackage("mariadb-client"),
        };
        var process = await ManagedProcess.StartAsync(options, cancellationToken).ConfigureAwait(false);
        await using (process.ConfigureAwait(false))
        {
            var exitCode = await process.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (exitCode != 0)
            {
                var error = process.Output.Tail(20).LastOrDefault(l => l.Stream == OutputStreamKind.StandardError)?.Text;
                throw new InvalidOperationException($"mariadb-dump exited with code {exitCode}{(error is null ? string.Empty : ": " + error)}");
            }
        }
    }

    private static async Task CompressAsync(string source, string destination, CancellationToken cancellationToken)
    {
        var input = File.OpenRead(source);
        await using (input.ConfigureAwait(false))
        {
            var output = File.Create(destination);
            await using (output.ConfigureAwait(false))
            {
                var gzip = new GZipStream(output, CompressionLevel.Optimal);
                await using (gzip.ConfigureAwait(false))
                {
                    await input.CopyToAsync(gzip, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    // The rule file's contract: 0 while no backup ever succeeded, so BackupTooOld fires; an
    // existing file (an older success) is kept as it is.
    private void WriteNeverSucceededMetrics()
    {
        try
        {
            if (!File.Exists(Path.Combine(_options.TextfileDirectory, BackupTextfileMetrics.FileName)))
            {
                BackupTextfileMetrics.Write(_options.TextfileDirectory, _options.Type, 0, 0, _options.MinimumSize);
            }
        }
        catch (IOException ex)
        {
            _options.Log.Write($"backup metrics not written: {ex.Message}", isError: true);
        }
    }
}
