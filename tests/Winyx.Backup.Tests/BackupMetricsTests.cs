using Winyx.Backup.Metrics;
using Winyx.Backup.Tests.Infrastructure;
using Winyx.Testing;
using Winyx.Testing.Metrics;

namespace Winyx.Backup.Tests;

/// <summary>The textfile the alert rules read: names and labels of monitoring/prometheus/rules/backup.yml.</summary>
public sealed class BackupMetricsTests : IDisposable
{
    private readonly string _directory = TestDirectories.Create("backup-metrics");

    [Fact]
    public async Task TextfileHoldsTheRuleMetricsAndPassesPromtool()
    {
        var path = BackupTextfileMetrics.Write(_directory, "database", 1_790_000_000, 4096, 1024);
        var text = await File.ReadAllTextAsync(path);

        var parsed = PrometheusText.Parse(text);
        Assert.Equal(1_790_000_000, parsed.Value("backup_last_success_timestamp_seconds", ("type", "database")));
        Assert.Equal(4096, parsed.Value("backup_size_bytes", ("type", "database")));
        Assert.Equal(1024, parsed.Value("backup_min_size_bytes", ("type", "database")));
        Assert.All(parsed.Samples, sample => Assert.Equal(["type"], sample.Labels.Keys));
        var (exitCode, output) = await ChildProcess.RunAsync("promtool", ["check", "metrics"], text);
        Assert.True(exitCode == 0, output);
        Assert.Equal([BackupTextfileMetrics.FileName], Directory.GetFiles(_directory).Select(Path.GetFileName));
    }

    [Fact]
    public async Task LabelValuesAreEscaped()
    {
        var text = BackupTextfileMetrics.Format("odd \"type\"\\", 1, 2, 3);

        Assert.Equal(2, PrometheusText.Parse(text).Value("backup_size_bytes", ("type", "odd \"type\"\\")));
        var (exitCode, output) = await ChildProcess.RunAsync("promtool", ["check", "metrics"], text);
        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public async Task NeverSucceededIsWrittenOnlyWhenNoFileExists()
    {
        Assert.True(BackupTextfileMetrics.WriteNeverSucceededUnlessPresent(_directory, "database", 256));
        var first = PrometheusText.Parse(await File.ReadAllTextAsync(Path.Combine(_directory, BackupTextfileMetrics.FileName)));
        Assert.Equal(0, first.Value("backup_last_success_timestamp_seconds", ("type", "database")));

        BackupTextfileMetrics.Write(_directory, "database", 1_790_000_000, 4096, 256);
        Assert.False(BackupTextfileMetrics.WriteNeverSucceededUnlessPresent(_directory, "database", 256));
        var kept = PrometheusText.Parse(await File.ReadAllTextAsync(Path.Combine(_directory, BackupTextfileMetrics.FileName)));
        Assert.Equal(1_790_000_000, kept.Value("backup_last_success_timestamp_seconds", ("type", "database")));
    }

    public void Dispose() => TestDirectories.Delete(_directory);
}
