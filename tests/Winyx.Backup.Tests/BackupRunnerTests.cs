using System.Globalization;
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

/// <summary>The backup runner against a real MariaDB with the real <c>mariadb-dump</c>.</summary>
public sealed class BackupRunnerTests(MariaDbFixture db) : IClassFixture<MariaDbFixture>, IDisposable
{
    private readonly string _directory = TestDirectories.Create("backup");
    private readonly BackupStatus _status = new();
    private readonly RecordingLogger<BackupRunner> _log = new();

    private string Backups => Path.Combine(_directory, "backups");

    private string Textfiles => Path.Combine(_directory, "textfile");

    private string MetricsFile => Path.Combine(Textfiles, BackupTextfileMetrics.FileName);

    [Fact]
    public async Task BackupHoldsTheRowsAndRestoresIntoAnEmptyDatabase()
    {
        var source = await UserDatabase.CreateWithNoteAsync(db, "backup-probe-4711");
        using var runner = Runner(source);

        var result = await runner.RunAsync(BackupTrigger.Manual, CancellationToken.None);

        Assert.Matches(@"^db_backup_\d{8}T\d{6}Z\.sql\.gz$", Path.GetFileName(result.Path));
        Assert.Equal([Path.GetFileName(result.Path)], Directory.GetFiles(Backups).Select(Path.GetFileName));
        Assert.Equal(new FileInfo(result.Path).Length, result.SizeBytes);
        var sql = await Gzip.ReadTextAsync(result.Path);
        Assert.Matches(@"INSERT INTO `notes` VALUES\s*\(1,'backup-probe-4711'\)", sql);

        var restored = await db.CreateDatabaseAsync();
        await UserDatabase.RestoreAsync(restored, sql);
        Assert.Equal(["backup-probe-4711"], await UserDatabase.ReadNotesAsync(restored));
    }

    [Fact]
    public async Task SuccessWritesTheMetricsAndRecordsTheBackup()
    {
        using var runner = Runner(await UserDatabase.CreateWithNoteAsync(db, "metrics"), minimumSize: 1024);
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        var result = await runner.RunAsync(BackupTrigger.Scheduled, CancellationToken.None);

        var metrics = PrometheusText.Parse(await File.ReadAllTextAsync(MetricsFile));
        Assert.Equal(result.SizeBytes, metrics.Value("backup_size_bytes", ("type", "database")));
        Assert.Equal(1024, metrics.Value("backup_min_size_bytes", ("type", "database")));
        Assert.InRange(metrics.Value("backup_last_success_timestamp_seconds", ("type", "database"))!.Value, before, DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        Assert.Equal(result, _status.Current.LastSuccess);
        Assert.Null(_status.Current.LastError);
        Assert.Contains(_log.Lines, line => line.Contains("Scheduled backup written: " + result.Path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RetentionKeepsTheNewestBackupsAndLeavesOtherFilesAlone()
    {
        Directory.CreateDirectory(Backups);
        string[] older = ["db_backup_20200101T000000Z.sql.gz", "db_backup_20200103T000000Z.sql.gz", "db_backup_20200102T000000Z.sql.gz"];
        foreach (var name in older.Append("notes.txt").Append(".db_backup_20200104T000000Z.sql.gz.partial"))
        {
            await File.WriteAllTextAsync(Path.Combine(Backups, name), name);
        }

        using var runner = Runner(await UserDatabase.CreateWithNoteAsync(db, "retention"), retain: 2);
        var result = await runner.RunAsync(BackupTrigger.Scheduled, CancellationToken.None);

        Assert.Equal(
            [".db_backup_20200104T000000Z.sql.gz.partial", "db_backup_20200103T000000Z.sql.gz", Path.GetFileName(result.Path), "notes.txt"],
            Directory.GetFiles(Backups).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal([Path.GetFileName(result.Path), "db_backup_20200103T000000Z.sql.gz"], runner.Catalog.List().Select(file => file.Name));
        Assert.Contains(_log.Lines, line => line.Contains("2 old backup(s) removed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FailingDumpKeepsThePreviousMetricsAndReportsTheError()
    {
        var previous = await File.ReadAllTextAsync(BackupTextfileMetrics.Write(Textfiles, "database", 1_700_000_000, 5000, 1024));
        var earlier = new BackupResult("/backups/db_backup_20231114T221320Z.sql.gz", 5000, DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
        _status.Succeeded(earlier);
        using var runner = Runner(WithPassword(db.ConnectionString, "wrong-password-0815"));

        var failure = await Assert.ThrowsAsync<BackupFailedException>(() => runner.RunAsync(BackupTrigger.Scheduled, CancellationToken.None));

        Assert.StartsWith("mariadb-dump exited with code ", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Access denied", failure.Message, StringComparison.Ordinal);
        Assert.Equal(previous, await File.ReadAllTextAsync(MetricsFile));
        Assert.Equal(failure.Message, _status.Current.LastError);
        Assert.Equal(earlier, _status.Current.LastSuccess);
        Assert.Contains(_log.Lines, line => line.StartsWith("Error: Scheduled backup of winyx_app@127.0.0.1:", StringComparison.Ordinal) && line.Contains("Access denied", StringComparison.Ordinal));
        Assert.DoesNotContain(_log.Lines, line => line.Contains("wrong-password-0815", StringComparison.Ordinal));
        Assert.Empty(Directory.Exists(Backups) ? Directory.GetFiles(Backups) : []);
    }

    [Fact]
    public async Task FailureBeforeAnySuccessWritesTheNeverSucceededMetrics()
    {
        using var runner = Runner(WithPassword(db.ConnectionString, "wrong-password"), minimumSize: 2048);

        await Assert.ThrowsAsync<BackupFailedException>(() => runner.RunAsync(BackupTrigger.Scheduled, CancellationToken.None));

        var metrics = PrometheusText.Parse(await File.ReadAllTextAsync(MetricsFile));
        Assert.Equal(0, metrics.Value("backup_last_success_timestamp_seconds", ("type", "database")));
        Assert.Equal(0, metrics.Value("backup_size_bytes", ("type", "database")));
        Assert.Equal(2048, metrics.Value("backup_min_size_bytes", ("type", "database")));
        Assert.Null(_status.Current.LastSuccess);
        Assert.NotNull(_status.Current.LastAttemptAt);
    }

    [Fact]
    public async Task PasswordReachesTheDumpOnlyThroughItsEnvironment()
    {
        var source = await UserDatabase.CreateWithNoteAsync(db, "arguments");
        var wrapper = DumpWrapper.Create(_directory, "dump.sh", $"""
            printf '%s\n' "$0" "$@" > '{_directory}/arguments'
            cat /proc/$$/cmdline | tr '\0' '\n' > '{_directory}/cmdline'
            [ -n "$MYSQL_PWD" ] && echo set > '{_directory}/password-variable'
            exec mariadb-dump "$@"
            """);
        using var runner = Runner(source, dump: new MariaDbDump(wrapper));

        var result = await runner.RunAsync(BackupTrigger.Manual, CancellationToken.None);

        Assert.Contains("INSERT INTO `notes`", await Gzip.ReadTextAsync(result.Path), StringComparison.Ordinal);
        var arguments = await File.ReadAllLinesAsync(Path.Combine(_directory, "arguments"));
        Assert.Equal(
            ["--no-defaults", "--host=127.0.0.1", $"--port={db.Port.ToString(CultureInfo.InvariantCulture)}", "--user=winyx_app", "--single-transaction", "--routines", "--default-character-set=utf8mb4", DumpTarget.Parse(source).Database],
            arguments.Skip(1));
        Assert.DoesNotContain(db.AppUser.Password, await File.ReadAllTextAsync(Path.Combine(_directory, "cmdline")), StringComparison.Ordinal);
        Assert.Equal("set", (await File.ReadAllTextAsync(Path.Combine(_directory, "password-variable"))).Trim());
        Assert.DoesNotContain(_log.Lines, line => line.Contains(db.AppUser.Password, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ConcurrentRequestsRunOneDumpAtATime()
    {
        var source = await UserDatabase.CreateWithNoteAsync(db, "overlap");
        // mkdir is atomic: a second dump starting while the first holds the lock records an overlap.
        var wrapper = DumpWrapper.Create(_directory, "dump.sh", $"""
            mkdir '{_directory}/lock' || echo overlap >> '{_directory}/overlaps'
            echo started >> '{_directory}/runs'
            mariadb-dump "$@"; code=$?
            rmdir '{_directory}/lock'
            exit $code
            """);
        using var runner = Runner(source, dump: new MariaDbDump(wrapper));

        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => runner.RunAsync(BackupTrigger.Manual, CancellationToken.None)));

        Assert.Equal(3, (await File.ReadAllLinesAsync(Path.Combine(_directory, "runs"))).Length);
        Assert.False(File.Exists(Path.Combine(_directory, "overlaps")), "two dumps ran at the same time");
        Assert.All(results, result => Assert.True(File.Exists(result.Path), result.Path));
    }

    [Fact]
    public async Task CancellingKillsTheDumpAndLeavesNoPartialFile()
    {
        var wrapper = DumpWrapper.Create(_directory, "dump.sh", $"""
            echo $$ > '{_directory}/pid.tmp' && mv '{_directory}/pid.tmp' '{_directory}/pid'
            exec sleep 300
            """);
        using var runner = Runner(db.ConnectionString, dump: new MariaDbDump(wrapper));
        using var cancellation = new CancellationTokenSource();

        var backup = runner.RunAsync(BackupTrigger.Scheduled, cancellation.Token);
        var pidFile = Path.Combine(_directory, "pid");
        await Poll.UntilAsync(() => File.Exists(pidFile), TimeSpan.FromSeconds(10), "the dump started");
        var pid = int.Parse((await File.ReadAllTextAsync(pidFile)).Trim(), CultureInfo.InvariantCulture);
        await cancellation.CancelAsync();

        // A deadline, not a timing: without the kill the dump would hold the backup for its 300 s.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => backup.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.False(Directory.Exists($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}"), "the dump outlived the cancellation");
        Assert.Empty(Directory.GetFiles(Backups));
        Assert.Equal(BackupState.Initial, _status.Current);
    }

    [Fact]
    public async Task MissingDumpExecutableFailsWithAnInstallHint()
    {
        using var runner = Runner(db.ConnectionString, dump: new MariaDbDump(Path.Combine(_directory, "no-such-mariadb-dump")));

        var failure = await Assert.ThrowsAsync<BackupFailedException>(() => runner.RunAsync(BackupTrigger.Scheduled, CancellationToken.None));

        Assert.Contains("mariadb-client", failure.Message, StringComparison.Ordinal);
        Assert.Equal(failure.Message, _status.Current.LastError);
    }

    public void Dispose() => TestDirectories.Delete(_directory);

    private static string WithPassword(string connectionString, string password) =>
        new MySqlConnector.MySqlConnectionStringBuilder(connectionString) { Password = password }.ConnectionString;

    private BackupRunner Runner(string connectionString, int retain = 7, long minimumSize = 256, MariaDbDump? dump = null) => new(
        new BackupOptions { Directory = Backups, TextfileDirectory = Textfiles, Retain = retain, MinimumSize = minimumSize },
        DumpTarget.Parse(connectionString),
        dump ?? new MariaDbDump(),
        _status,
        TimeProvider.System,
        _log);
}
