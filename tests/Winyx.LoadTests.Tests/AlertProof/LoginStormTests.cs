using Winyx.LoadTests.AlertProof.Cases;
using Xunit;

namespace Winyx.LoadTests.Tests.AlertProof;

/// <summary>The brute-force case's rate and UserLoginFailureSpike's count follow what the machine can hash.</summary>
public sealed class LoginStormTests
{
    private static readonly TimeSpan CompressedWindow = TimeSpan.FromSeconds(5);

    [Fact]
    public void AMachineThatHashesFastEnoughStormsAtTheFullRateAgainstTheCatalogCount()
    {
        var storm = LoginStorm.Plan(hashesPerSecond: 34, CompressedWindow);

        Assert.Equal(LoginStorm.MaxRate, storm.Rate);
        Assert.Null(storm.Override);
    }

    [Fact]
    public void ASlowMachineStormsAtHalfItsHashRateAndTheCountIsLoweredBelowWhatThatProduces()
    {
        var storm = LoginStorm.Plan(hashesPerSecond: 13, CompressedWindow);

        Assert.Equal(6.5, storm.Rate);
        var lowered = Assert.IsType<ThresholdOverride>(storm.Override);
        Assert.Equal("UserLoginFailureSpike:warning=22", lowered.Argument);
        Assert.True(lowered.Value < storm.Rate * CompressedWindow.TotalSeconds, "the lowered count is out of the storm's reach");
        Assert.Contains("hashes 13 a second", lowered.Reason, StringComparison.Ordinal);
        Assert.Equal("50", lowered.Catalog);
    }

    [Fact]
    public void TheBruteForceCaseTakesThePlansRateAndOverride()
    {
        var storm = LoginStorm.Plan(hashesPerSecond: 13, CompressedWindow);
        var plan = new ProofPlan(
            new ThresholdOverride("HighMemoryUsage", "warning", 0.3, "0.85", "r"),
            new ThresholdOverride("HighDiskUsage", "warning", 0.5, "0.80", "r"),
            new ThresholdOverride("BackupTooOld", "warning", 30, "25 * 3600", "r"),
            storm);

        var brute = ProofCatalog.Cases(plan).Single(c => c.Name == "login-brute-force");

        Assert.StartsWith("6.5 req/s", brute.Fault.Description, StringComparison.Ordinal);
        Assert.Same(storm.Override, brute.Expected.Single().Override);
        Assert.Contains("UserLoginFailureSpike:warning=22", ProofPlan.AppHostArguments([brute]));
    }
}
