namespace Winyx.ServiceDefaults.Tests;

/// <summary>
/// The shared /metrics parser (Winyx.Testing.Metrics) that every test project reads scrapes with. Tested
/// here, next to the exporter whose output it reads.
/// </summary>
public sealed class PrometheusTextTests
{
    private const string Exposition = """
        # HELP http_requests_total Total number of HTTP requests
        # TYPE http_requests_total counter
        http_requests_total{otel_scope_name="Winyx.Http",method="GET",endpoint="/api/users/{id}",status="200"} 3 1700000000000
        http_requests_total{otel_scope_name="Winyx.Http",method="GET",endpoint="/api/users/{id:long}/{*rest}",status="500"} 2
        http_requests_total{method="POST",endpoint="/api/users",status="201",} 1
        http_requests_total_created 5
        weird{note="say \"hi\", {then} \\ leave\nnow"} 7
        http_request_duration_seconds_bucket{endpoint="/api/users/{id}",le="+Inf"} 4
        up 1

        """;

    [Fact]
    public void BracesCommasAndEscapedQuotesInsideLabelValuesAreJustCharacters()
    {
        var scrape = PrometheusText.Parse(Exposition);

        Assert.Equal(3, scrape.Value("http_requests_total", ("endpoint", "/api/users/{id}"), ("status", "200")));
        Assert.Equal(2, scrape.Value("http_requests_total", ("endpoint", "/api/users/{id:long}/{*rest}")));
        Assert.Equal("say \"hi\", {then} \\ leave\nnow", Assert.Single(scrape.Series("weird"))["note"]);
        Assert.Equal(4, scrape.Value("http_request_duration_seconds_bucket", ("endpoint", "/api/users/{id}"), ("le", "+Inf")));
    }

    [Fact]
    public void ValueSumsTheMatchingSeriesOfExactlyThatMetric()
    {
        var scrape = PrometheusText.Parse(Exposition);

        Assert.Equal(6, scrape.Value("http_requests_total"));
        Assert.Equal(5, scrape.Value("http_requests_total", ("method", "GET")));
        Assert.Equal(1, scrape.Value("up"));
        Assert.Null(scrape.Value("http_requests_total", ("status", "404")));
        Assert.Null(scrape.Value("http_requests"));
        Assert.True(scrape.Has("http_requests_total_created"));
    }

    [Theory]
    [InlineData("broken{endpoint=\"/x} 1")]
    [InlineData("broken{endpoint=/x} 1")]
    [InlineData("broken 1 2 3")]
    [InlineData("broken{a=\"b\"} one")]
    public void MalformedLinesAreRejectedNamingTheLine(string line)
    {
        var error = Assert.Throws<FormatException>(() => PrometheusText.Parse(line));

        Assert.Contains(line, error.Message, StringComparison.Ordinal);
    }
}
