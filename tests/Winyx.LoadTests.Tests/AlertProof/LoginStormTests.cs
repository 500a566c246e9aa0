using Winyx.LoadTests.AlertProof.Cases;
using Xunit;

namespace Winyx.LoadTests.Tests.AlertProof;

/// <summary>UserLoginFailureSpike's count follows what one core of the machine hashes; the storm itself is closed.</summary>
public sealed class LoginStormTests
{
    private static readonly TimeSpan CompressedWindow = TimeSpan.FromSeconds(5);

    [Fact]
    public void AMachineThatHashesFastEnoughKeepsTheCatalogCount()
    {
        var storm = LoginStorm.Plan(hashesPerSecond: 40, CompressedWindow);

        Assert.Null(storm.Override);
    }

    [Fact]
    public void ASlowMachineGetsTheCountLoweredToAQuarterOfWhatOneCoreFailsInTheWindow()
    {
        var storm = LoginStorm.Plan(hashesPerSecond: 8.7, CompressedWindow);

        var lowered = Assert.IsType<ThresholdOverride>(storm.Override);
        Assert.Equal("UserLoginFailureSpike:warning=10", lowered.Argument);
        Assert.True(lowered.Value <= storm.HashesPerSecond * CompressedWindow.TotalSeconds * LoginStorm.Margin, "the lowered count is out of the storm's reach");
        Assert.Contains("hashed 8.7 a second", lowered.Reason, StringComparison.Ordinal);
        Assert.Equal("50", lowered.Catalog);
    }

    [Fact]
    public void AMachineTooSlowForOneFailureInTheWindowStillAlertsAboveOne()
    {
        var storm = LoginStorm.Plan(hashesPerSecond: 0.2, CompressedWindow);

        Assert.Equal("UserLoginFailureSpike:warning=1", storm.Override?.Argument);
    }

    [Fact]
    public void TheBruteForceCaseStormsOneLoginAtATimeAndTakesThePlansOverride()
    {
        var storm = LoginStorm.Plan(hashesPerSecond: 6.5, CompressedWindow);
        var plan = new ProofPlan(
            new ThresholdOverride("HighMemoryUsage", "warning", 0.3, "0.85", "r"),
            new ThresholdOverride("HighDiskUsage", "warning", 0.5, "0.80", "r"),
            new ThresholdOverride("BackupTooOld", "warning", 30, "25 * 3600", "r"),
            storm);

        var brute = ProofCatalog.Cases(plan).Single(c => c.Name == "login-brute-force");

        Assert.Equal("wrong-password logins back to back, 1 at a time, from 40 loopback addresses", brute.Fault.Description);
        Assert.Same(storm.Override, brute.Expected.Single().Override);
        Assert.Contains("UserLoginFailureSpike:warning=8", ProofPlan.AppHostArguments([brute]));
    }
}
