using Winyx.LoadTests.Cli;

namespace Winyx.LoadTests.Tests;

public class CliTests
{
    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task NoCommandPrintsUsageAndExitsTwo()
    {
        var (code, _, error) = await RunAsync();

        Assert.Equal(2, code);
        Assert.Contains("usage:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HelpPrintsUsageAndExitsZero()
    {
        var (code, output, _) = await RunAsync("help");

        Assert.Equal(0, code);
        Assert.Contains("http --url URL", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://10.0.0.1:8080/", "'http://10.0.0.1:8080/' is not a loopback target")]
    [InlineData("http://example.com/", "(host 'example.com')")]
    [InlineData("http://[2001:db8::1]/", "'http://[2001:db8::1]/' is not a loopback target")]
    [InlineData("ftp://127.0.0.1/", "'ftp://127.0.0.1/' is not an absolute http:// or https:// URL")]
    public async Task NonLoopbackTargetsAreRejectedNamingTheValue(string url, string expected)
    {
        var (code, _, error) = await RunAsync("http", "--url", url, "--rate", "1");

        Assert.Equal(2, code);
        Assert.Contains("--url: ", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--rate", "abc" }, "--rate: 'abc' is not a number")]
    [InlineData(new[] { "--rate", "-5" }, "--rate: '-5' is not a number")]
    [InlineData(new[] { "--copies", "0" }, "--copies: '0' is not a whole number between 1 and 100000")]
    [InlineData(new[] { "--copies", "4", "--duration", "soon" }, "--duration: 'soon' is not a duration")]
    [InlineData(new[] { "--copies", "4", "--method", "BREW" }, "--method: 'BREW' is not one of")]
    [InlineData(new[] { "--copies", "4", "--percentiles", "50,101" }, "--percentiles: '101' in '50,101'")]
    [InlineData(new[] { "--copies", "4", "--bogus", "1" }, "unknown option '--bogus'")]
    [InlineData(new[] { "--copies", "4", "--rate", "10" }, "give exactly one of --rate (open model) or --copies (closed model)")]
    [InlineData(new[] { "--copies", "4", "--duration", "1s", "--iterations", "10" }, "give --duration or --iterations, not both")]
    [InlineData(new[] { "--copies", "4", "--iterations", "0" }, "--iterations: '0' is not a whole number between 1 and 100000000")]
    [InlineData(new[] { "--copies" }, "--copies: a value is required")]
    [InlineData(new[] { "--copies", "1", "--client", "curl" }, "--client: 'curl' is not one of sockets, raw")]
    public async Task BadFlagsAreNamedWithTheirValue(string[] flags, string expected)
    {
        var (code, _, error) = await RunAsync(["http", "--url", "http://127.0.0.1:1/", .. flags]);

        Assert.Equal(2, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommandIsNamed()
    {
        var (code, _, error) = await RunAsync("hammer");

        Assert.Equal(2, code);
        Assert.Contains("unknown command 'hammer'", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("500ms", 0.5)]
    [InlineData("30s", 30)]
    [InlineData("2m", 120)]
    [InlineData("1.5h", 5400)]
    [InlineData("7", 7)]
    [InlineData("00:01:05", 65)]
    public void DurationsAcceptUnitsAndClockForms(string text, double seconds)
    {
        Assert.True(ArgumentReader.TryParseDuration(text, out var value));
        Assert.Equal(TimeSpan.FromSeconds(seconds), value);
    }

    [Fact]
    public void LoopbackHostsAreAccepted()
    {
        foreach (var url in new[] { "http://127.0.0.1:5000/", "http://127.3.2.1/", "http://localhost:8888/x", "https://[::1]:8443/" })
        {
            Assert.Equal(new Uri(url), ArgumentReader.LoopbackUrl("--url", url));
        }
    }

    [Fact]
    public void InlineFlagValuesParseLikeSeparateOnes()
    {
        var options = HttpCommandOptions.Parse(["--url=http://127.0.0.1:9/", "--rate=2.5", "--interval=2s", "--duration=1m", "--no-progress"]);

        Assert.Equal((2.5, TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(1), false), (options.Rate!.Value, options.Interval, options.Duration, options.Progress));
        Assert.Null(options.Copies);
    }
}
