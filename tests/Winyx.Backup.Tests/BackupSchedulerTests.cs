using Microsoft.Extensions.Options;
using Winyx.Backup.Configuration;
using Winyx.Backup.Dumping;
using Winyx.Backup.Health;
using Winyx.Backup.Jobs;
using Winyx.Backup.Storage;
using Winyx.Backup.Tests.Infrastructure;
using Winyx.Testing;

namespace Winyx.Backup.Tests;

/// <summary>
/// The schedule on a clock the test moves: the interval counts from the newest successful backup of
/// any trigger. The dump is a script (no database); it fails while a "fail" file exists.
/// </summary>
public sealed class BackupSchedulerTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 3, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly string _directory = TestDirectories.Create("backup-scheduler");
    private readonly ManualTimeProvider _time = new(Start);
    private readonly BackupStatus _status = new();
    private readonly BackupRunner _runner;
    private readonly BackupScheduler _scheduler;

    public BackupSchedulerTests()
    {
        var dump = DumpWrapper.Create(_directory, "dump.sh", $"""
            if [ -f '{_directory}/fail' ]; then echo 'database unavailable' >&2; exit 2; fi
            echo 'CREATE TABLE t (id int);'
            """);
        var options = new BackupOptions { Directory = Path.Combine(_directory, "backups"), TextfileDirectory = Path.Combine(_directory, "textfile"), Interval = Interval };
        _runner = new BackupRunner(options, DumpTarget.Parse("Server=127.0.0.1;Port=1;User ID=u;Password=p;Database=d"), new MariaDbDump(dump), _status, _time, new RecordingLogger<BackupRunner>());
        _scheduler = new BackupScheduler(_runner, _status, Options.Create(options), _time, new RecordingLogger<BackupScheduler>());
    }

    private IReadOnlyList<BackupFile> Backups => _runner.Catalog.List();

    [Fact]
    public async Task AManualBackupResetsTheClockOfTheNextScheduledOne()
    {
        await _scheduler.StartAsync(CancellationToken.None);
        await WaitingWithBackupsAsync(1, "the backup at start");

        _time.Advance(TimeSpan.FromMinutes(30));
        await _runner.RunAsync(BackupTrigger.Manual, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(30));
        // The old due time passed: the scheduler looks again and waits for manual + interval.
        await WaitingWithBackupsAsync(2, "the scheduler waiting again after the old due time");

        _time.Advance(TimeSpan.FromMinutes(29));
        await WaitingWithBackupsAsync(2, "still waiting a minute before manual + interval");
        _time.Advance(TimeSpan.FromMinutes(1));
        await WaitingWithBackupsAsync(3, "the scheduled backup an interval after the manual one");

        Assert.Equal(
            [BackupCatalog.NameFor(Start.AddMinutes(90)), BackupCatalog.NameFor(Start.AddMinutes(30)), BackupCatalog.NameFor(Start)],
            Backups.Select(b => b.Name));
    }

    [Fact]
    public async Task AFailedScheduledBackupIsRetriedAfterFiveMinutes()
    {
        await File.WriteAllTextAsync(Path.Combine(_directory, "fail"), "fail");
        await _scheduler.StartAsync(CancellationToken.None);
        await Poll.UntilAsync(() => _status.Current.LastError is not null && _time.WaitingTimers == 1, Deadline, "the failed attempt at start");
        File.Delete(Path.Combine(_directory, "fail"));

        _time.Advance(BackupScheduler.RetryAfterFailure - TimeSpan.FromSeconds(1));
        await WaitingWithBackupsAsync(0, "no retry before five minutes");
        _time.Advance(TimeSpan.FromSeconds(1));
        await WaitingWithBackupsAsync(1, "the retry after five minutes");

        Assert.Equal(BackupCatalog.NameFor(Start + BackupScheduler.RetryAfterFailure), Backups.Single().Name);
    }

    public void Dispose()
    {
        _scheduler.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        _scheduler.Dispose();
        _runner.Dispose();
        TestDirectories.Delete(_directory);
    }

    // The scheduler is idle (one timer armed) with this many backups on disk.
    private Task WaitingWithBackupsAsync(int count, string what) =>
        Poll.UntilAsync(() => _time.WaitingTimers == 1 && Backups.Count == count, Deadline, what);
}
