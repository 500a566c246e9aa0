using Winyx.Hosting.Backup;
using Winyx.Hosting.Exporters;

namespace Winyx.Hosting.Tests;

/// <summary>WithBackupSchedule: the backup job's environment, with and without a BackupTooOld threshold override.</summary>
public sealed class BackupScheduleTests
{
    [Theory]
    // Production: daily backups, the newest checked every minute.
    [InlineData(new string[0], "1.00:00:00", "00:01:00")]
    // 24 h / 60 and 1 min / 60.
    [InlineData(new[] { "Winyx:TimeScale=60" }, "00:24:00", "00:00:01")]
    // 24 h / 100000 is below the 10 s floor; 1 min / 100000 below the 1 s one.
    [InlineData(new[] { "Winyx:TimeScale=100000" }, "00:00:10", "00:00:01")]
    // The seed's ratio: BackupTooOld at 30 s means a backup every 30 × 24/25 = 28.8 s.
    [InlineData(new[] { "Winyx:TimeScale=60", "Winyx:AlertThresholds:BackupTooOld:warning=30" }, "00:00:28.8000000", "00:00:01")]
    // The severity-less override counts as the warning one.
    [InlineData(new[] { "Winyx:TimeScale=60", "Winyx:AlertThresholds:BackupTooOld:*=50" }, "00:00:48", "00:00:01")]
    // The warning override wins over the severity-less one.
    [InlineData(new[] { "Winyx:TimeScale=60", "Winyx:AlertThresholds:BackupTooOld:*=1000", "Winyx:AlertThresholds:BackupTooOld:warning=30" }, "00:00:28.8000000", "00:00:01")]
    // Only the warning threshold bounds the interval.
    [InlineData(new[] { "Winyx:TimeScale=60", "Winyx:AlertThresholds:BackupTooOld:critical=30" }, "00:24:00", "00:00:01")]
    // A threshold longer than the scaled interval leaves it alone (min of the two).
    [InlineData(new[] { "Winyx:TimeScale=60", "Winyx:AlertThresholds:BackupTooOld:warning=90000" }, "00:24:00", "00:00:01")]
    public async Task TheBackupIntervalKeepsTheSeedsRatioToBackupTooOld(string[] configuration, string interval, string verifyInterval)
    {
        using var model = TestModel.Create(configuration);
        var nodeExporter = model.Builder.AddNodeExporter("node-exporter", port: 19100).WithTextfileDirectory();

        var backup = model.Builder.AddExecutable("backup", "true", ".").WithHttpEndpoint(port: 19096, name: "http", isProxied: false).WithBackupSchedule(nodeExporter);

        var environment = await TestModel.EnvironmentAsync(backup.Resource);
        Assert.Equal(interval, environment["Backup__Interval"]);
        Assert.Equal(verifyInterval, environment["Backup__VerifyInterval"]);
        Assert.Equal(Path.Combine(model.DataDirectory, "backups"), environment["Backup__Directory"]);
        Assert.Equal(nodeExporter.Resource.TextfileDirectory, environment["Backup__TextfileDirectory"]);
    }

    [Fact]
    public void ABackupTooOldThresholdLeavingLessThanTenSecondsBetweenBackupsFailsNamingTheFlag()
    {
        using var model = TestModel.Create("Winyx:AlertThresholds:BackupTooOld:warning=10");
        var nodeExporter = model.Builder.AddNodeExporter("node-exporter", port: 19100).WithTextfileDirectory();
        var backup = model.Builder.AddExecutable("backup", "true", ".").WithHttpEndpoint(port: 19096, name: "http", isProxied: false);

        var ex = Assert.Throws<DistributedApplicationException>(() => backup.WithBackupSchedule(nodeExporter));

        Assert.Contains("--alert-threshold BackupTooOld:warning=10", ex.Message, StringComparison.Ordinal);
        Assert.Contains("9.6 s between backups", ex.Message, StringComparison.Ordinal);
        Assert.Contains("at least 10.417 seconds", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithBackupScheduleNeedsTheTextfileDirectory()
    {
        using var model = TestModel.Create();
        var nodeExporter = model.Builder.AddNodeExporter("node-exporter", port: 19100);
        var backup = model.Builder.AddExecutable("backup", "true", ".").WithHttpEndpoint(port: 19096, name: "http", isProxied: false);

        var ex = Assert.Throws<InvalidOperationException>(() => backup.WithBackupSchedule(nodeExporter));

        Assert.Contains("WithTextfileDirectory()", ex.Message, StringComparison.Ordinal);
    }
}
