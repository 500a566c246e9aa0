using Winyx.Hosting.Configuration;

namespace Winyx.Hosting.Tests;

/// <summary>The AppHost's command line: --isolated, --time-scale N and friends; errors name the bad value.</summary>
public sealed class HostingOptionsTests
{
    [Fact]
    public void NoArgumentsMeanSharedPortsAndProductionTimings()
    {
        var options = HostingOptions.Parse([]);

        Assert.False(options.Isolated);
        Assert.Equal(1, options.TimeScale);
        Assert.Equal("development", options.Profile);
    }

    [Fact]
    public void IsolatedImpliesTheTestProfile()
    {
        var options = HostingOptions.Parse(["--isolated", "--time-scale", "60"]);

        Assert.True(options.Isolated);
        Assert.True(options.IsTestProfile);
        Assert.Equal(60, options.TimeScale);
    }

    [Fact]
    public void ValuesMayFollowAnEqualsSign()
    {
        var options = HostingOptions.Parse(["--time-scale=15", "--data-dir=/tmp/x", "--profile=development", "--isolated"]);

        Assert.Equal(15, options.TimeScale);
        Assert.Equal("/tmp/x", options.DataDirectory);
        Assert.False(options.IsTestProfile);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0.5")]
    [InlineData("-3")]
    public void BadTimeScaleIsRejectedNamingTheValue(string value)
    {
        var error = Assert.Throws<ArgumentException>(() => HostingOptions.Parse(["--time-scale", value]));

        Assert.Contains($"'{value}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("--time-scale", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingValueIsRejectedNamingTheOption()
    {
        var error = Assert.Throws<ArgumentException>(() => HostingOptions.Parse(["--time-scale"]));

        Assert.Contains("--time-scale needs a value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownArgumentIsRejectedNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => HostingOptions.Parse(["--isolate"]));

        Assert.Contains("'--isolate'", error.Message, StringComparison.Ordinal);
    }
}
