using Winyx.Hosting.Monitoring;

namespace Winyx.Monitoring.Tests.Prometheus;

public sealed class PrometheusDurationTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData("250ms", 250)]
    [InlineData("15s", 15_000)]
    [InlineData("5m", 300_000)]
    [InlineData("1h30m", 5_400_000)]
    [InlineData("1d", 86_400_000)]
    [InlineData("2w", 1_209_600_000)]
    [InlineData("1y", 31_536_000_000)]
    [InlineData("1m30s500ms", 90_500)]
    public void ParsesPrometheusDurations(string text, long milliseconds)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), PrometheusDuration.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("5")]
    [InlineData("5 m")]
    [InlineData("1.5m")]
    [InlineData("30m1h")]
    [InlineData("-5m")]
    [InlineData("$__rate_interval")]
    public void RejectsWhatPrometheusRejects(string text)
    {
        Assert.False(PrometheusDuration.TryParse(text, out _));
        Assert.Throws<FormatException>(() => PrometheusDuration.Parse(text));
    }

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(1, "1ms")]
    [InlineData(1_500, "1s500ms")]
    [InlineData(90_000, "1m30s")]
    [InlineData(300_000, "5m")]
    [InlineData(7_776_000_000, "90d")]
    [InlineData(604_800_000, "1w")]
    [InlineData(31_536_000_000, "1y")]
    public void FormatsLikePrometheus(long milliseconds, string expected)
    {
        Assert.Equal(expected, PrometheusDuration.Format(TimeSpan.FromMilliseconds(milliseconds)));
    }
}
