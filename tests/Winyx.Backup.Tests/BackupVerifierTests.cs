using Microsoft.Extensions.Options;
using Winyx.Backup.Configuration;
using Winyx.Backup.Dumping;
using Winyx.Backup.Health;
using Winyx.Backup.Jobs;
using Winyx.Backup.Metrics;
using Winyx.Backup.Storage;
using Winyx.Backup.Tests.Infrastructure;
using Winyx.Testing;
using Winyx.Testing.Metrics;

namespace Winyx.Backup.Tests;

/// <summary>
/// The verification pass: the metrics follow the newest backup on disk. The dump is a script
/// writing random bytes, so no database is needed.
/// </summary>
public sealed class BackupVerifierTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 3, 0, 0, TimeSpan.Zero);
    private readonly string _directory = TestDirectories.Create("backup-verifier");
    private readonly BackupStatus _status = new();
    private readonly FixedTimeProvider _time = new(Start);
    private readonly RecordingLogger<BackupVerifier> _log = new();
    private readonly BackupRunner _runner;
    private readonly BackupVerifier _verifier;

    public BackupVerifierTests()
    {
        // Waits while a "hold" file exists, so a test can keep a backup running.
        var dump = DumpWrapper.Create(_directory, "dump.sh", $"""
            while [ -f '{_directory}/hold' ]; do sleep 0.05; done
            head -c 4096 /dev/urandom
            """);
        var options = new BackupOptions { Directory = Backups, TextfileDirectory = Textfiles, MinimumSize = 1024 };
        _runner = new BackupRunner(options, DumpTarget.Parse("Server=127.0.0.1;Port=1;User ID=u;Password=p;Database=d"), new MariaDbDump(dump), _status, _time, new RecordingLogger<BackupRunner>());
        _verifier = new BackupVerifier(_runner, _status, Options.Create(options), _time, _log);
    }

    private string Backups => Path.Combine(_directory, "backups");

    private string Textfiles => Path.Combine(_directory, "textfile");

    private string MetricsFile => Path.Combine(Textfiles, BackupTextfileMetrics.FileName);

    private IEnumerable<string> Warnings => _log.Lines.Where(line => line.StartsWith("Warning: ", StringComparison.Ordinal));

    [Fact]
    public async Task ATruncatedNewestBackupIsReportedAtItsSizeOnDiskAndWarnedOncePerChange()
    {
        var written = await _runner.RunAsync(BackupTrigger.Scheduled, CancellationToken.None);
        Assert.InRange(written.SizeBytes, 4096, 10_000);

        Truncate(written.Path, 20);
        await _verifier.VerifyOnceAsync(CancellationToken.None);
        await _verifier.VerifyOnceAsync(CancellationToken.None);

        Assert.Equal((Start.ToUnixTimeSeconds(), 20), await ReadMetricsAsync());
        Assert.Equal([$"Warning: Newest backup {Path.GetFileName(written.Path)} is 20 bytes on disk but was {written.SizeBytes} bytes when written; the metrics now report what is on disk "], Warnings);

        Truncate(written.Path, 0);
        await _verifier.VerifyOnceAsync(CancellationToken.None);
        await _verifier.VerifyOnceAsync(CancellationToken.None);

        Assert.Equal((Start.ToUnixTimeSeconds(), 0), await ReadMetricsAsync());
        Assert.Equal(2, Warnings.Count());
        Assert.Contains("is 0 bytes on disk", Warnings.Last(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnIntactBackupIsReportedAsWrittenWithoutWarnings()
    {
        var written = await _runner.RunAsync(BackupTrigger.Scheduled, CancellationToken.None);

        await _verifier.VerifyOnceAsync(CancellationToken.None);

        Assert.Equal((Start.ToUnixTimeSeconds(), written.SizeBytes), await ReadMetricsAsync());
        Assert.Empty(Warnings);
    }

    [Fact]
    public async Task ADeletedNewestBackupFallsBackToTheNextNewestAndNoneLeftReportsZero()
    {
        Directory.CreateDirectory(Backups);
        var older = Path.Combine(Backups, "db_backup_20251231T030000Z.sql.gz");
        await File.WriteAllBytesAsync(older, new byte[300]);
        var written = await _runner.RunAsync(BackupTrigger.Scheduled, CancellationToken.None);
        await _verifier.VerifyOnceAsync(CancellationToken.None);

        File.Delete(written.Path);
        await _verifier.VerifyOnceAsync(CancellationToken.None);

        Assert.Equal((new DateTimeOffset(2025, 12, 31, 3, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), 300), await ReadMetricsAsync());
        Assert.Equal([$"Warning: Newest backup {Path.GetFileName(written.Path)} is gone; the metrics now report db_backup_20251231T030000Z.sql.gz "], Warnings);

        File.Delete(older);
        await _verifier.VerifyOnceAsync(CancellationToken.None);
        await _verifier.VerifyOnceAsync(CancellationToken.None);

        Assert.Equal((0, 0), await ReadMetricsAsync());
        Assert.Equal(2, Warnings.Count());
        Assert.EndsWith("is gone; the metrics now report none ", Warnings.Last(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NothingIsVerifiedBeforeTheFirstBackupAttemptFinished()
    {
        Directory.CreateDirectory(Backups);
        await File.WriteAllBytesAsync(Path.Combine(Backups, "db_backup_20251231T030000Z.sql.gz"), new byte[300]);

        await _verifier.VerifyOnceAsync(CancellationToken.None);

        Assert.False(File.Exists(MetricsFile));
    }

    [Fact]
    public async Task AVerificationWaitsForARunningBackupAndReportsItsResult()
    {
        await _runner.RunAsync(BackupTrigger.Scheduled, CancellationToken.None);
        await File.WriteAllTextAsync(Path.Combine(_directory, "hold"), "hold");
        _time.Now = Start.AddHours(1);
        var backup = _runner.RunAsync(BackupTrigger.Manual, CancellationToken.None);
        await Poll.UntilAsync(() => Directory.GetFiles(Backups, ".*.partial").Length == 1, TimeSpan.FromSeconds(10), "the second backup started");

        var verification = _verifier.VerifyOnceAsync(CancellationToken.None);

        Assert.False(verification.IsCompleted, "the verification ran while a backup held the runner");
        File.Delete(Path.Combine(_directory, "hold"));
        var fresh = await backup.WaitAsync(TimeSpan.FromSeconds(30));
        await verification.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal((Start.AddHours(1).ToUnixTimeSeconds(), fresh.SizeBytes), await ReadMetricsAsync());
    }

    public void Dispose()
    {
        _verifier.Dispose();
        _runner.Dispose();
        TestDirectories.Delete(_directory);
    }

    private static void Truncate(string path, long length)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Write);
        file.SetLength(length);
    }

    private async Task<(double Timestamp, double Size)> ReadMetricsAsync()
    {
        var metrics = PrometheusText.Parse(await File.ReadAllTextAsync(MetricsFile));
        Assert.Equal(1024, metrics.Value("backup_min_size_bytes", ("type", "database")));
        return (metrics.Value("backup_last_success_timestamp_seconds", ("type", "database"))!.Value, metrics.Value("backup_size_bytes", ("type", "database"))!.Value);
    }
}
