using Winyx.LoadTests.Cli;

namespace Winyx.LoadTests.Tests.AlertProof;

public sealed class AlertsCommandTests
{
    [Theory]
    [InlineData(new[] { "alerts", "--out", "x" }, "alerts needs --isolated")]
    [InlineData(new[] { "alerts", "--isolated" }, "alerts needs --out DIR")]
    [InlineData(new[] { "alerts", "--isolated", "--out", "x", "--time-scale", "fast" }, "--time-scale")]
    [InlineData(new[] { "alerts", "--isolated", "--out", "x", "--fleet", "y" }, "unknown option '--fleet'")]
    public async Task ABadCommandLineExitsTwoNamingTheProblem(string[] args, string message)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await CliApp.RunAsync(args, output, error);

        Assert.Equal(CliApp.UsageError, exitCode);
        Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void OptionsCarryTheFolderScaleAndCases()
    {
        var options = AlertsCommand.Parse(["--isolated", "--out", "proof", "--time-scale", "30", "--only", "api-down, mysql-down"]);

        Assert.Equal(Path.GetFullPath("proof"), options.OutputDirectory);
        Assert.Equal(30, options.TimeScale);
        Assert.Equal(["api-down", "mysql-down"], options.Only);
    }
}
