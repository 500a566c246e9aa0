using Aspire.Hosting.ApplicationModel;
using Winyx.Hosting.Console;

namespace Winyx.Hosting.Tests;

public sealed class ResourceProgressTests
{
    [Fact]
    public void ARunningResourceReadsAsItsHealthAnyOtherAsItsState()
    {
        // Aspire computes the health from its own health reports; a snapshot built here has none yet.
        Assert.StartsWith("api (health: ", ResourceProgress.Describe("api", Snapshot(KnownResourceStates.Running)), StringComparison.Ordinal);
        Assert.Equal("userrpc (FailedToStart)", ResourceProgress.Describe("userrpc", Snapshot(KnownResourceStates.FailedToStart)));
        Assert.Equal("prometheus (Waiting)", ResourceProgress.Describe("prometheus", Snapshot(KnownResourceStates.Waiting)));
    }

    [Fact]
    public void AResourceWithoutStateOrNotStartedReadsAsNotStarted()
    {
        Assert.Equal("web (not started)", ResourceProgress.Describe("web", null));
        Assert.Equal("userdb (not started)", ResourceProgress.Describe("userdb", Snapshot(KnownResourceStates.NotStarted)));
    }

    [Fact]
    public void OnlyARunningResourceCanBeRunningAndHealthy()
    {
        Assert.False(ResourceProgress.IsRunningAndHealthy(null));
        Assert.False(ResourceProgress.IsRunningAndHealthy(Snapshot(KnownResourceStates.FailedToStart)));
        Assert.False(ResourceProgress.IsRunningAndHealthy(Snapshot(KnownResourceStates.Waiting)));
    }

    private static CustomResourceSnapshot Snapshot(string state) => new()
    {
        ResourceType = "Executable",
        Properties = [],
        State = state,
    };
}
