using Microsoft.Extensions.Options;
using Winyx.ServiceDefaults.Chaos;

namespace Winyx.ServiceDefaults.Tests;

/// <summary>The shared chaos switch: which targets a setting names, the dice, validation.</summary>
public sealed class ChaosSwitchTests
{
    private const string GetUser = "/winyx.user.v1.UserService/GetUser";

    [Fact]
    public void AnEmptyRouteListTargetsEverything()
    {
        var chaos = Switch(new ChaosSettings { ErrorRatio = 1 });

        Assert.True(chaos.Decide("/api/users/{id}").Fail);
        Assert.True(chaos.Decide(GetUser).Fail);
        Assert.True(chaos.Decide("/profile").Fail);
    }

    [Fact]
    public void RouteTemplatesMatchWhateverTheirConstraintsAndSlashes()
    {
        var chaos = Switch(new ChaosSettings { ErrorRatio = 1, Routes = ["api/users/{id:long}/", "/API/Users/{id}"] });

        Assert.Equal(["/api/users/{id}"], chaos.Current.Routes);
        Assert.True(chaos.Decide("/api/users/{id:long}").Fail);
        Assert.False(chaos.Decide("/api/users/me").Fail);
        Assert.False(chaos.Decide("/api/users").Fail);
    }

    [Fact]
    public void GrpcMethodsMatchByShortOrFullName()
    {
        var chaos = Switch(new ChaosSettings { ErrorRatio = 1, Routes = ["GetUser", "winyx.user.v1.UserService/ListUsers"] });

        Assert.Equal(["GetUser", "/winyx.user.v1.UserService/ListUsers"], chaos.Current.Routes);
        Assert.True(chaos.Decide(GetUser).Fail);
        Assert.True(chaos.Decide("/winyx.user.v1.UserService/ListUsers").Fail);
        Assert.False(chaos.Decide("/winyx.user.v1.UserService/Register").Fail);
    }

    [Fact]
    public void AnErrorRatioOfZeroOnlyDelays()
    {
        var chaos = Switch(new ChaosSettings { LatencyMs = 250, Routes = ["/profile"] });

        Assert.Equal(new ChaosDecision(TimeSpan.FromMilliseconds(250), false, ChaosSettings.InternalStatus), chaos.Decide("/profile"));
        Assert.Equal(ChaosDecision.None, chaos.Decide("/users"));
    }

    [Fact]
    public void ClearingTurnsEveryFaultOff()
    {
        var chaos = Switch(new ChaosSettings { ErrorRatio = 1, LatencyMs = 100 });

        chaos.Clear();

        Assert.Same(ChaosSettings.Off, chaos.Current);
        Assert.False(chaos.IsActive);
        Assert.Equal(ChaosDecision.None, chaos.Decide("/api/users/{id}"));
    }

    [Fact]
    public void ASeededSwitchFailsTheSameRequestsEveryRun()
    {
        var first = Switch(new ChaosSettings { ErrorRatio = 0.5 }, seed: 42);
        var second = Switch(new ChaosSettings { ErrorRatio = 0.5 }, seed: 42);

        var a = Enumerable.Range(0, 64).Select(_ => first.Decide("/x").Fail).ToList();
        var b = Enumerable.Range(0, 64).Select(_ => second.Decide("/x").Fail).ToList();

        Assert.Equal(a, b);
        Assert.Contains(true, a);
        Assert.Contains(false, a);
    }

    [Fact]
    public void TheStatusIsSpelledAsTheGrpcStatusAndDefaultsToInternal()
    {
        var unavailable = Switch(new ChaosSettings { ErrorRatio = 1, Status = "unavailable" });
        var internalByDefault = Switch(new ChaosSettings { ErrorRatio = 1 });

        Assert.Equal(ChaosSettings.UnavailableStatus, unavailable.Current.Status);
        Assert.Equal(ChaosSettings.UnavailableStatus, unavailable.Decide(GetUser).FailureStatus);
        Assert.Null(internalByDefault.Current.Status);
        Assert.Equal(ChaosSettings.InternalStatus, internalByDefault.Decide(GetUser).FailureStatus);
    }

    [Fact]
    public void InvalidSettingsNameEachBadFieldAndAreNeverApplied()
    {
        var settings = new ChaosSettings { ErrorRatio = 1.5, LatencyMs = -1, Routes = [" "], Status = "Cancelled" };
        var chaos = new ChaosSwitch(Options.Create(new ChaosOptions()));

        Assert.Equal(["errorRatio", "latencyMs", "routes", "status"], settings.Validate().Keys.Order());
        Assert.Throws<ArgumentException>(() => chaos.Set(settings));
        Assert.Same(ChaosSettings.Off, chaos.Current);
    }

    private static ChaosSwitch Switch(ChaosSettings settings, int? seed = null)
    {
        var chaos = new ChaosSwitch(Options.Create(new ChaosOptions { Enabled = true, Key = "k", Seed = seed }));
        chaos.Set(settings);
        return chaos;
    }
}
