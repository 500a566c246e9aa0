using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using MySqlConnector;
using Winyx.Backup.Metrics;
using Winyx.Backup.Tests.Infrastructure;
using Winyx.Hosting.MySql;
using Winyx.Testing.LocalServers;
using Winyx.Testing;
using Winyx.Testing.Metrics;

namespace Winyx.Backup.Tests;

/// <summary>Winyx.Backup as the AppHost runs it: a real process, its HTTP API and its health check.</summary>
public sealed class BackupServiceTests(MariaDbFixture db) : IClassFixture<MariaDbFixture>
{
    private static readonly Uri Backups = new("/api/backups", UriKind.Relative);

    [Fact]
    public async Task BacksUpAtStartAndReportsHealthy()
    {
        await using var service = await BackupService.StartAsync(await UserDatabase.CreateWithNoteAsync(db, "at-start"));

        var (httpStatus, description) = await service.WaitForBackupHealthAsync("Healthy");

        Assert.Equal(HttpStatusCode.OK, httpStatus);
        var listed = await service.Http.GetFromJsonAsync<BackupListItemDto[]>(Backups);
        var newest = Assert.Single(listed!);
        Assert.Matches(@"^newest backup db_backup_\d{8}T\d{6}Z\.sql\.gz: \d+ bytes, \d\d:\d\d:\d\d old$", description);
        Assert.Contains($"{newest.Name}: {newest.SizeBytes} bytes", description, StringComparison.Ordinal);
        Assert.Equal(new FileInfo(Path.Combine(service.Backups, newest.Name)).Length, newest.SizeBytes);
        var metrics = PrometheusText.Parse(await File.ReadAllTextAsync(Path.Combine(service.Textfiles, BackupTextfileMetrics.FileName)));
        Assert.Equal(newest.SizeBytes, metrics.Value("backup_size_bytes", ("type", "database")));
        Assert.DoesNotContain(db.AppUser.Password, service.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostBacksUpNowAndGetListsTheBackupsNewestFirst()
    {
        var database = await UserDatabase.CreateWithNoteAsync(db, "first");
        await using var service = await BackupService.StartAsync(database, new Dictionary<string, string?> { ["Backup__Retain"] = "3" });
        await service.WaitForBackupHealthAsync("Healthy");
        // An older backup to be listed after the new one.
        await File.WriteAllTextAsync(Path.Combine(service.Backups, "db_backup_20200101T000000Z.sql.gz"), "old");
        await UserDatabase.AddNoteAsync(database, 2, "added-before-post-0042");

        using var response = await service.Http.PostAsync(Backups, content: null);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<CreatedBackupDto>();
        Assert.NotNull(created);
        Assert.Equal(service.Backups, Path.GetDirectoryName(created.Path));
        Assert.Equal(new FileInfo(created.Path).Length, created.SizeBytes);
        Assert.InRange(created.FinishedAt, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddSeconds(5));
        Assert.Matches(@"\(2,'added-before-post-0042'\)", await Gzip.ReadTextAsync(created.Path));

        var listed = await service.Http.GetFromJsonAsync<BackupListItemDto[]>(Backups);
        Assert.Equal(Path.GetFileName(created.Path), listed![0].Name);
        Assert.Equal(created.SizeBytes, listed[0].SizeBytes);
        Assert.Equal(("db_backup_20200101T000000Z.sql.gz", 3L, new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero)), (listed[^1].Name, listed[^1].SizeBytes, listed[^1].CreatedAt));
        Assert.Equal(listed.Select(b => b.Name).OrderDescending(StringComparer.Ordinal), listed.Select(b => b.Name));
        Assert.DoesNotContain(db.AppUser.Password, service.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABackupTruncatedAfterItWasWrittenShowsInTheMetricsWithinAVerifyInterval()
    {
        await using var service = await BackupService.StartAsync(
            await UserDatabase.CreateWithNoteAsync(db, "verified"),
            new Dictionary<string, string?> { ["Backup__VerifyInterval"] = "00:00:01" });
        await service.WaitForBackupHealthAsync("Healthy");
        var newest = (await service.Http.GetFromJsonAsync<BackupListItemDto[]>(Backups))![0];

        await using (var file = new FileStream(Path.Combine(service.Backups, newest.Name), FileMode.Open, FileAccess.Write))
        {
            file.SetLength(10);
        }

        var metricsFile = Path.Combine(service.Textfiles, BackupTextfileMetrics.FileName);
        await Poll.UntilAsync(
            async () => PrometheusText.Parse(await File.ReadAllTextAsync(metricsFile)).Value("backup_size_bytes", ("type", "database")) == 10,
            TimeSpan.FromSeconds(30),
            "the metrics report the truncated size");
        await Poll.UntilAsync(
            () => service.Process.LogLines.Any(line => line.Contains($"Newest backup {newest.Name} is 10 bytes on disk but was {newest.SizeBytes} bytes when written", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(10),
            "the truncation was logged");
        Assert.Equal(newest.CreatedAt.ToUnixTimeSeconds(), PrometheusText.Parse(await File.ReadAllTextAsync(metricsFile)).Value("backup_last_success_timestamp_seconds", ("type", "database")));
    }

    [Fact]
    public async Task FailingBackupsAnswer503AndMakeTheServiceUnhealthyWithoutLeakingThePassword()
    {
        const string WrongPassword = "wrong-password-service-9931";
        var connectionString = new MySqlConnectionStringBuilder(db.ConnectionString) { Password = WrongPassword }.ConnectionString;
        await using var service = await BackupService.StartAsync(connectionString);

        var (httpStatus, description) = await service.WaitForBackupHealthAsync("Unhealthy");
        using var response = await service.Http.PostAsync(Backups, content: null);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, httpStatus);
        Assert.Contains("Access denied", description, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDto>();
        Assert.Equal(503, problem!.Status);
        Assert.Equal("Backup failed", problem.Title);
        Assert.StartsWith("mariadb-dump exited with code ", problem.Detail, StringComparison.Ordinal);
        Assert.Contains("Access denied", problem.Detail, StringComparison.Ordinal);
        Assert.Empty((await service.Http.GetFromJsonAsync<BackupListItemDto[]>(Backups))!);
        var metrics = PrometheusText.Parse(await File.ReadAllTextAsync(Path.Combine(service.Textfiles, BackupTextfileMetrics.FileName)));
        Assert.Equal(0, metrics.Value("backup_last_success_timestamp_seconds", ("type", "database")));
        // The line is written before the answer, but read from the child's pipe on our side a moment later.
        await Poll.UntilAsync(
            () => service.Process.LogLines.Any(line =>
                line.Contains("\"level\":\"error\"", StringComparison.Ordinal) && line.Contains("\"Trigger\":\"Manual\"", StringComparison.Ordinal) &&
                line.Contains("backup of winyx_app@127.0.0.1:", StringComparison.Ordinal) && line.Contains("failed: mariadb-dump exited with code", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(10),
            "the manual backup's failure was logged");
        Assert.DoesNotContain(WrongPassword, service.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DegradedUntilTheFirstAttemptFinishesAndStopsCleanlyDuringADump()
    {
        // A server that accepts connections and never greets: the first dump hangs in its handshake.
        var silent = new TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        try
        {
            var port = ((IPEndPoint)silent.LocalEndpoint).Port;
            var service = await BackupService.StartAsync(MariaDbConnectionString.For(port, "winyx_app", "unused-password", "userdb"));
            await using (service)
            {
                var (httpStatus, description) = await service.WaitForBackupHealthAsync("Degraded");

                Assert.Equal(HttpStatusCode.OK, httpStatus);
                Assert.Equal("no backup attempt has finished yet", description);
                // Graceful (exit code 0, before the SIGKILL that follows the stop timeout), the partial file removed.
                Assert.Equal(0, await service.Process.StopAsync());
                Assert.Empty(Directory.GetFiles(service.Backups));
            }
        }
        finally
        {
            silent.Stop();
        }
    }

    [Theory]
    [InlineData("Backup__Retain", "0", "Backup:Retain must be at least 1 (was 0)")]
    [InlineData("Backup__Directory", "", "Backup:Directory is required")]
    [InlineData("ConnectionStrings__userdb", "", "ConnectionStrings:userdb is missing")]
    public async Task ABadSettingStopsTheStartNamingIt(string variable, string value, string message)
    {
        var failure = await Assert.ThrowsAsync<LocalServerStartException>(() => BackupService.StartAsync(
            db.ConnectionString,
            new Dictionary<string, string?> { [variable] = value }));

        Assert.Contains(message, failure.OutputTail, StringComparison.Ordinal);
        Assert.DoesNotContain(db.AppUser.Password, failure.OutputTail, StringComparison.Ordinal);
    }
}
