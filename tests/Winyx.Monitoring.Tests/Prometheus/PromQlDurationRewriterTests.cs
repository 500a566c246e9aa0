using Winyx.Hosting.Monitoring;

namespace Winyx.Monitoring.Tests.Prometheus;

public sealed class PromQlDurationRewriterTests
{
    private static string Halve(string expression) => PromQlDurationRewriter.Rewrite(expression, duration => duration / 2);

    [Theory]
    [InlineData("rate(x[5m])", "rate(x[2m30s])")]
    [InlineData("rate(x[ 10m ])", "rate(x[5m])")]
    [InlineData("max_over_time(rate(x[2m])[1h:1m])", "max_over_time(rate(x[1m])[30m:30s])")]
    [InlineData("max_over_time(x[1h:])", "max_over_time(x[30m:])")]
    [InlineData("x offset 1h", "x offset 30m")]
    [InlineData("rate(x[10m] offset -2h)", "rate(x[5m] offset -1h)")]
    [InlineData("x OFFSET 4m", "x OFFSET 2m")]
    public void RewritesRangesSubqueriesAndOffsets(string expression, string expected)
    {
        Assert.Equal(expected, Halve(expression));
    }

    [Theory]
    [InlineData("service:http_requests:rate5m > 1")]
    [InlineData("x{le=\"[5m]\",path=~\"/a[0-9]m\"}")]
    [InlineData("label_replace(x, \"dst\", \"offset 5m\", \"src\", \"(.*)\")")]
    [InlineData("x{offset=\"5m\"}")]
    [InlineData("sum by (offset) (x)")]
    [InlineData("histogram_quantile(0.95, x) > 0.5 and time() - ts > 25 * 3600")]
    [InlineData("x # a comment about [5m] windows")]
    [InlineData("x{a='[5m]'} or y{b=`[5m]`}")]
    public void LeavesEverythingElseAlone(string expression)
    {
        Assert.Equal(expression, Halve(expression));
    }

    [Fact]
    public void KeepsEscapedQuotesInsideStrings()
    {
        const string Expression = "x{a=\"say \\\"[5m]\\\"\"} + rate(y[4m])";

        Assert.Equal("x{a=\"say \\\"[5m]\\\"\"} + rate(y[2m])", Halve(Expression));
    }

    [Fact]
    public void KeepsMultiLineLayout()
    {
        const string Expression = "sum by (service) (\n  rate(x[5m])\n)\n";

        Assert.Equal("sum by (service) (\n  rate(x[2m30s])\n)\n", Halve(Expression));
    }

    [Theory]
    [InlineData("rate(x[$__rate_interval])")]
    [InlineData("rate(x[5m")]
    [InlineData("rate(x[1h:1m:1s])")]
    public void RejectsRangesItCannotRead(string expression)
    {
        Assert.Throws<FormatException>(() => Halve(expression));
    }
}
