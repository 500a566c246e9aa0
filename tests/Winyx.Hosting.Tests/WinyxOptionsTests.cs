using Winyx.Hosting.Configuration;
using Winyx.Hosting.Monitoring;

namespace Winyx.Hosting.Tests;

public sealed class WinyxOptionsTests
{
    [Fact]
    public void ParseReadsEveryFlagInBothSpellings()
    {
        var (options, remaining) = WinyxOptions.Parse(["--time-scale", "15", "--profile=test", "--data-dir", "/tmp/winyx-data", "--containers"]);

        Assert.Equal(15, options.TimeScale);
        Assert.Equal("test", options.Profile);
        Assert.True(options.IsTestProfile);
        Assert.Equal("/tmp/winyx-data", options.DataDirectory);
        Assert.True(options.UseContainers);
        Assert.False(options.Isolated);
        Assert.Empty(remaining);
    }

    [Fact]
    public void ParseWithoutFlagsKeepsTheDefaults()
    {
        var (options, remaining) = WinyxOptions.Parse([]);

        Assert.Equal(new WinyxOptions(), options);
        Assert.Equal(1, options.TimeScale);
        Assert.Equal("development", options.Profile);
        Assert.Null(options.DataDirectory);
        Assert.Empty(remaining);
    }

    [Fact]
    public void IsolatedImpliesTheTestProfile()
    {
        var (options, _) = WinyxOptions.Parse(["--isolated"]);

        Assert.True(options.Isolated);
        Assert.Equal("test", options.Profile);
    }

    [Fact]
    public void AnExplicitProfileWinsOverIsolatedInEitherOrder()
    {
        var (after, _) = WinyxOptions.Parse(["--isolated", "--profile", "development"]);
        var (before, _) = WinyxOptions.Parse(["--profile", "development", "--isolated"]);

        Assert.Equal("development", after.Profile);
        Assert.Equal("development", before.Profile);
    }

    [Theory]
    [InlineData("--time-scale", "fast")]
    [InlineData("--time-scale", "0.5")]
    [InlineData("--time-scale", "Infinity")]
    [InlineData("--profile", "production")]
    [InlineData("--alert-threshold", "HighMemoryUsage")]
    [InlineData("--alert-threshold", "HighMemoryUsage:warning=")]
    [InlineData("--alert-threshold", "HighMemoryUsage=high")]
    [InlineData("--alert-threshold", "HighMemoryUsage=NaN")]
    [InlineData("--alert-threshold", "HighMemoryUsage=Infinity")]
    [InlineData("--alert-threshold", "HighMemoryUsage=0,31")]
    [InlineData("--alert-threshold", "=0.31")]
    [InlineData("--alert-threshold", ":warning=0.31")]
    [InlineData("--alert-threshold", "HighMemoryUsage:=0.31")]
    public void ABadValueThrowsNamingTheFlagAndTheValue(string flag, string value)
    {
        var ex = Assert.Throws<ArgumentException>(() => WinyxOptions.Parse([flag, value]));

        Assert.Contains(flag, ex.Message, StringComparison.Ordinal);
        Assert.Contains($"'{value}'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(WinyxOptions.Usage, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFlagWithoutItsValueThrowsNamingIt()
    {
        var ex = Assert.Throws<ArgumentException>(() => WinyxOptions.Parse(["--containers", "--data-dir"]));

        Assert.Contains("--data-dir needs a value", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyDataDirectoryThrows()
    {
        var ex = Assert.Throws<ArgumentException>(() => WinyxOptions.Parse(["--data-dir="]));

        Assert.Contains("--data-dir", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownArgumentsArePassedThroughInOrder()
    {
        var (options, remaining) = WinyxOptions.Parse(["--environment", "Development", "--isolated", "--Logging:LogLevel:Default=Debug", "positional"]);

        Assert.True(options.Isolated);
        Assert.Equal(["--environment", "Development", "--Logging:LogLevel:Default=Debug", "positional"], remaining);
    }

    [Fact]
    public void ToConfigurationRoundTripsThroughTheBuilder()
    {
        using var model = TestModel.Create();
        var (options, _) = WinyxOptions.Parse(["--time-scale=60", "--profile", "test", "--containers", "--data-dir", model.DataDirectory]);
        var args = options.ToConfiguration().Where(c => c.Value is not null).Select(c => $"--{c.Key}={c.Value}").ToArray();

        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { Args = args, DisableDashboard = true });

        Assert.Equal(options, builder.GetWinyxOptions());
        Assert.Equal(Path.Combine(model.DataDirectory, "sub"), builder.GetDataDirectory("sub"));
    }

    [Fact]
    public void AFlagWhereAValueBelongsIsReportedAsAMissingValue()
    {
        var ex = Assert.Throws<ArgumentException>(() => WinyxOptions.Parse(["--data-dir", "--isolated"]));

        Assert.Contains("--data-dir needs a value", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AlertThresholdIsRepeatableWithOrWithoutSeverity()
    {
        var (options, remaining) = WinyxOptions.Parse(["--alert-threshold", "HighMemoryUsage:warning=0.31", "--alert-threshold=BackupTooOld=30", "--alert-threshold", "HighDiskUsage:*=1e-2"]);

        Assert.Equal(
            [new AlertThresholdOverride("HighMemoryUsage", "warning", 0.31), new AlertThresholdOverride("BackupTooOld", null, 30), new AlertThresholdOverride("HighDiskUsage", null, 0.01)],
            options.AlertThresholds);
        Assert.Empty(remaining);
    }

    [Fact]
    public void ALaterAlertThresholdForTheSameAlertAndSeverityReplacesTheEarlierOne()
    {
        var (options, _) = WinyxOptions.Parse(["--alert-threshold", "BackupTooOld:warning=30", "--alert-threshold", "BackupTooOld=60", "--alert-threshold", "BackupTooOld:warning=40"]);

        Assert.Equal([new AlertThresholdOverride("BackupTooOld", null, 60), new AlertThresholdOverride("BackupTooOld", "warning", 40)], options.AlertThresholds);
    }

    [Fact]
    public void AlertThresholdsBecomeOneConfigurationKeyEach()
    {
        var (options, _) = WinyxOptions.Parse(["--alert-threshold", "HighMemoryUsage:warning=0.31", "--alert-threshold", "BackupTooOld=30"]);

        var configuration = options.ToConfiguration().Where(c => c.Key.StartsWith("Winyx:AlertThresholds:", StringComparison.Ordinal)).ToArray();

        Assert.Equal(
            [new("Winyx:AlertThresholds:HighMemoryUsage:warning", "0.31"), new KeyValuePair<string, string?>("Winyx:AlertThresholds:BackupTooOld:*", "30")],
            configuration);
    }

    [Fact]
    public void AlertThresholdsRoundTripThroughTheBuilder()
    {
        using var model = TestModel.Create();
        var (options, _) = WinyxOptions.Parse(["--time-scale", "60", "--data-dir", model.DataDirectory, "--alert-threshold", "HighMemoryUsage:warning=0.31", "--alert-threshold", "BackupTooOld=30", "--alert-threshold", "HighDiskUsage:critical=-0.5"]);
        var args = options.ToConfiguration().Where(c => c.Value is not null).Select(c => $"--{c.Key}={c.Value}").ToArray();

        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { Args = args, DisableDashboard = true });

        var read = builder.GetWinyxOptions();
        Assert.Equal(options, read);
        Assert.Equal(3, read.AlertThresholds.Count);
        Assert.Contains(new AlertThresholdOverride("BackupTooOld", null, 30), read.AlertThresholds);
        Assert.NotEqual(options, options with { AlertThresholds = [] });
    }

    [Fact]
    public void AnAlertThresholdThatIsNotANumberInConfigurationThrowsNamingTheKey()
    {
        using var model = TestModel.Create("Winyx:AlertThresholds:HighMemoryUsage:warning=lots");

        var ex = Assert.Throws<InvalidOperationException>(() => model.Builder.GetWinyxOptions());

        Assert.Contains("Winyx:AlertThresholds:HighMemoryUsage:warning = 'lots'", ex.Message, StringComparison.Ordinal);
    }
}
