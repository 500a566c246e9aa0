using System.Diagnostics;
using System.IO.Compression;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MySqlConnector;
using Winyx.Hosting.Backup;
using Winyx.Testing;
using Winyx.Testing.Metrics;

namespace Winyx.Hosting.Tests;

/// <summary>The database backup job: real dumps of a real MariaDB, rotation, and the alert rules' metrics.</summary>
public sealed class MySqlBackupTests(MariaDbFixture db) : IClassFixture<MariaDbFixture>, IDisposable
{
    private readonly string _directory = TestDirectories.Create("backup");

    private string Backups => Path.Combine(_directory, "backups");

    private string Textfiles => Path.Combine(_directory, "textfile");

    private string MetricsFile => Path.Combine(Textfiles, BackupTextfileMetrics.FileName);

    [Fact]
    public async Task TextfileMetricsParseAndPassPromtool()
    {
        var path = BackupTextfileMetrics.Write(Textfiles, "database", 1_790_000_000, 4096, 1024);
        var text = await File.ReadAllTextAsync(path);

        var parsed = PrometheusText.Parse(text);
        Assert.Equal(1_790_000_000, parsed.Value("backup_last_success_timestamp_seconds", ("type", "database")));
        Assert.Equal(4096, parsed.Value("backup_size_bytes", ("type", "database")));
        Assert.Equal(1024, parsed.Value("backup_min_size_bytes", ("type", "database")));
        var (exitCode, output) = await PromtoolCheckMetricsAsync(text);
        Assert.True(exitCode == 0, output);
        Assert.Single(Directory.GetFiles(Textfiles));
    }

    [Fact]
    public void RetentionKeepsTheNewestBackups()
    {
        Directory.CreateDirectory(Backups);
        string[] names = ["db_backup_20260101T000000Z.sql.gz", "db_backup_20260103T000000Z.sql.gz", "db_backup_20260102T000000Z.sql.gz", "db_backup_20260104T000000Z.sql.gz"];
        foreach (var name in names)
        {
            File.WriteAllText(Path.Combine(Backups, name), name);
        }

        File.WriteAllText(Path.Combine(Backups, "notes.txt"), "not a backup");

        var deleted = BackupRetention.Prune(Backups, MySqlBackupRunner.BackupPattern, keep: 2);

        Assert.Equal(["db_backup_20260101T000000Z.sql.gz", "db_backup_20260102T000000Z.sql.gz"], deleted.Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(["db_backup_20260103T000000Z.sql.gz", "db_backup_20260104T000000Z.sql.gz", "notes.txt"], Directory.GetFiles(Backups).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task BackupContainsTheRowsAndUpdatesTheMetrics()
    {
        var database = await CreateDatabaseWithRowAsync("backup-probe-4711");
        var status = new BackupStatus();
        var runner = new MySqlBackupRunner(Options(database), status);

        var path = await runner.RunOnceAsync(CancellationToken.None);

        Assert.NotNull(path);
        Assert.Matches(@"^db_backup_\d{8}T\d{6}Z\.sql\.gz$", Path.GetFileName(path));
        Assert.Equal([Path.GetFileName(path)], Directory.GetFiles(Backups).Select(Path.GetFileName));
        var sql = await GunzipAsync(path);
        Assert.Matches(@"INSERT INTO `notes` VALUES\s*\(1,'backup-probe-4711'\)", sql);
        Assert.Equal(HealthStatus.Healthy, status.ToHealth().Status);
        var metrics = PrometheusText.Parse(await File.ReadAllTextAsync(MetricsFile));
        Assert.Equal(new FileInfo(path).Length, metrics.Value("backup_size_bytes", ("type", "database")));
        Assert.InRange(metrics.Value("backup_last_success_timestamp_seconds", ("type", "database"))!.Value, DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task FailingDumpKeepsThePreviousMetricsAndReportsUnhealthy()
    {
        var previous = await File.ReadAllTextAsync(BackupTextfileMetrics.Write(Textfiles, "database", 1_700_000_000, 5000, 1024));
        var status = new BackupStatus();
        status.Succeeded(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), 5000);
        var log = new Processes.ProcessOutputBuffer();
        var wrongPassword = Options(MariaDbFixture.DatabaseName) with { Password = "wrong-password", Log = new Orchestrator.JobLog(log, null) };

        var path = await new MySqlBackupRunner(wrongPassword, status).RunOnceAsync(CancellationToken.None);

        Assert.Null(path);
        Assert.Equal(previous, await File.ReadAllTextAsync(MetricsFile));
        Assert.Equal(HealthStatus.Unhealthy, status.ToHealth().Status);
        Assert.Contains("Access denied", status.LastError, StringComparison.Ordinal);
        Assert.Contains(log.Snapshot(), l => l.Text.StartsWith("backup failed: mariadb-dump exited with code", StringComparison.Ordinal));
        Assert.DoesNotContain(log.Snapshot(), l => l.Text.Contains("wrong-password", StringComparison.Ordinal));
        Assert.Empty(Directory.Exists(Backups) ? Directory.GetFiles(Backups) : []);
    }

    public void Dispose() => TestDirectories.Delete(_directory);

    private MySqlBackupOptions Options(string database) => new(database, Backups, Textfiles)
    {
        Port = db.Port,
        User = db.AppUser.Name,
        Password = db.AppUser.Password,
    };

    private async Task<string> CreateDatabaseWithRowAsync(string value)
    {
        var connectionString = await db.CreateDatabaseAsync();
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE notes (id INT PRIMARY KEY, body VARCHAR(64) NOT NULL); INSERT INTO notes VALUES (1, @body);";
        command.Parameters.AddWithValue("@body", value);
        await command.ExecuteNonQueryAsync();
        return connection.Database;
    }

    private static async Task<string> GunzipAsync(string path)
    {
        await using var file = File.OpenRead(path);
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        return await reader.ReadToEndAsync();
    }

    private static async Task<(int ExitCode, string Output)> PromtoolCheckMetricsAsync(string text)
    {
        var start = new ProcessStartInfo("promtool", ["check", "metrics"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(text);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
