using Microsoft.Extensions.Diagnostics.HealthChecks;
using Winyx.Backup.Health;
using Winyx.Backup.Jobs;
using Winyx.Backup.Tests.Infrastructure;

namespace Winyx.Backup.Tests;

/// <summary>The <c>backup</c> health check's three states and what it says in each.</summary>
public sealed class BackupHealthCheckTests
{
    private static readonly DateTimeOffset Finished = new(2026, 1, 1, 3, 0, 0, TimeSpan.Zero);
    private readonly BackupStatus _status = new();
    private readonly FixedTimeProvider _time = new(Finished);

    [Fact]
    public async Task DegradedBeforeTheFirstAttemptFinished()
    {
        var result = await CheckAsync();

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Equal("no backup attempt has finished yet", result.Description);
    }

    [Fact]
    public async Task HealthyAfterASuccessNamingTheNewestBackupsSizeAndAge()
    {
        _status.Succeeded(new BackupResult("/b/db_backup_20260101T025959Z.sql.gz", 48213, Finished));
        _time.Now = Finished.AddHours(2).AddSeconds(5);

        var result = await CheckAsync();

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Equal("newest backup db_backup_20260101T025959Z.sql.gz: 48213 bytes, 02:00:05 old", result.Description);
    }

    [Fact]
    public async Task UnhealthyWhileTheLastAttemptFailedAndHealthyAgainAfterTheNextSuccess()
    {
        _status.Succeeded(new BackupResult("/b/db_backup_20260101T025959Z.sql.gz", 48213, Finished));
        _status.Failed("mariadb-dump exited with code 2: Access denied", Finished.AddDays(1));

        var failed = await CheckAsync();
        _status.Succeeded(new BackupResult("/b/db_backup_20260102T030500Z.sql.gz", 50000, Finished.AddDays(1).AddMinutes(5)));
        var recovered = await CheckAsync();

        Assert.Equal(HealthStatus.Unhealthy, failed.Status);
        Assert.Equal("mariadb-dump exited with code 2: Access denied", failed.Description);
        Assert.Equal(HealthStatus.Healthy, recovered.Status);
    }

    private Task<HealthCheckResult> CheckAsync() =>
        new BackupHealthCheck(_status, _time).CheckHealthAsync(new HealthCheckContext());
}
