using Winyx.Hosting.Monitoring;

namespace Winyx.Monitoring.Tests.Prometheus;

public sealed class MonitoringTimeScaleTests
{
    [Fact]
    public void ProductionKeepsEveryTiming()
    {
        var scale = MonitoringTimeScale.Production;

        Assert.Equal(TimeSpan.FromSeconds(15), scale.ScrapeInterval);
        Assert.Equal(TimeSpan.FromSeconds(15), scale.EvaluationInterval);
        Assert.Equal(TimeSpan.FromMinutes(1), scale.AlertResendDelay);
        Assert.Equal(TimeSpan.FromMinutes(5), scale.CompressDuration(TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void DividesDurationsAndIntervalsByTheFactor()
    {
        var scale = new MonitoringTimeScale(10);

        Assert.Equal(TimeSpan.FromSeconds(1.5), scale.ScrapeInterval);
        Assert.Equal(TimeSpan.FromSeconds(30), scale.CompressDuration(TimeSpan.FromMinutes(5)));
        Assert.Equal(TimeSpan.FromSeconds(6), scale.CompressDuration(TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void FloorsWindowsAtTwoCompressedScrapeIntervals()
    {
        var scale = new MonitoringTimeScale(60);

        // 15s / 60 = 250ms, raised to the 1s minimum interval; the floor is then 2s.
        Assert.Equal(TimeSpan.FromSeconds(1), scale.ScrapeInterval);
        Assert.Equal(TimeSpan.FromSeconds(2), scale.DurationFloor);
        Assert.Equal(TimeSpan.FromSeconds(2), scale.CompressDuration(TimeSpan.FromMinutes(1)));
        Assert.Equal(TimeSpan.FromSeconds(5), scale.CompressDuration(TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void NeverLengthensADuration()
    {
        var scale = new MonitoringTimeScale(60);

        Assert.Equal(TimeSpan.FromMilliseconds(500), scale.CompressDuration(TimeSpan.FromMilliseconds(500)));
        Assert.Equal(TimeSpan.Zero, scale.CompressDuration(TimeSpan.Zero));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void RejectsFactorsBelowOne(double factor)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new MonitoringTimeScale(factor));

        Assert.Contains(">= 1", error.Message, StringComparison.Ordinal);
    }
}
