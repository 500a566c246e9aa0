using Winyx.Hosting.Monitoring;

namespace Winyx.Monitoring.Tests.Prometheus;

public sealed class ThresholdRewriterTests
{
    [Theory]
    [InlineData("instance:node_memory_utilisation:ratio > 0.85", "0.31", "instance:node_memory_utilisation:ratio > 0.31", "0.85")]
    [InlineData("time() - backup_last_success_timestamp_seconds > 25 * 3600", "30", "time() - backup_last_success_timestamp_seconds > 30", "25 * 3600")]
    [InlineData("sum(service:server_errors:increase1m) >= 5", "1", "sum(service:server_errors:increase1m) >= 1", "5")]
    [InlineData("redis_memory_used_bytes / (redis_memory_max_bytes > 0) > 0.80", "0.1", "redis_memory_used_bytes / (redis_memory_max_bytes > 0) > 0.1", "0.80")]
    [InlineData("x{path=~\"a>b\"} < (10 * 1024) + 1e3  # bytes\n", "-2.5", "x{path=~\"a>b\"} < -2.5  # bytes\n", "(10 * 1024) + 1e3")]
    [InlineData("rate(x[5m]) > 1 > 0.5\n", "0.25", "rate(x[5m]) > 1 > 0.25\n", "0.5")]
    public void ReplacesTheRightHandSideOfTheFinalTopLevelComparison(string expression, string threshold, string expected, string previous)
    {
        var (rewritten, was) = ThresholdRewriter.Replace(expression, threshold);

        Assert.Equal(expected, rewritten);
        Assert.Equal(previous, was);
    }

    [Theory]
    [InlineData("up{job=\"api\"} == 0", "'=='")]
    [InlineData("max by (service) (a > 0.01)", "no top-level comparison")]
    [InlineData("a > 0.5 and on (service) b >= 0.1", "'and'")]
    [InlineData("a > 100 or (b / c >= 0.8)", "'or'")]
    [InlineData("a < on (type) group_left () (max by (type) (b))", "not a number expression")]
    [InlineData("a > bool 0.5", "not a number expression")]
    [InlineData("a > b", "not a number expression")]
    public void RefusesAnExpressionWithoutANumericThreshold(string expression, string reason)
    {
        var error = Assert.Throws<FormatException>(() => ThresholdRewriter.Replace(expression, "1"));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }
}
