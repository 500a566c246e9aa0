using System.Net;
using System.Net.Sockets;
using Winyx.Hosting.Orchestrator;
using Winyx.Hosting.Tests.Infrastructure;
using Winyx.Testing;

namespace Winyx.Hosting.Tests;

/// <summary>Default ports are used when free; a taken one falls back to a free port that references follow.</summary>
public sealed class PortAllocationTests
{
    [Fact]
    public async Task TakenDefaultPortFallsBackToAFreePortAndReferencesFollowIt()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var taken = ((IPEndPoint)squatter.LocalEndpoint).Port;
        var (builder, _, _) = TestApps.CreateFake("--profile", "development", "--data-dir", TestDirectories.Create("ports"));
        var api = builder.AddProject("api", TestApps.FakeProject("Api")).WithHttpEndpoint(taken);
        var web = builder.AddProject("web", TestApps.FakeProject("Web")).WithReference(api);

        var env = await WithReferenceTests.ResolveEnvironmentNotIsolatedAsync(builder, web.Resource);

        var allocated = api.GetEndpoint("http").Port;
        Assert.NotEqual(taken, allocated);
        Assert.Equal($"http://127.0.0.1:{allocated}", env["services__api__http__0"]);
    }

    [Fact]
    public void FreeDefaultPortIsKept()
    {
        var free = UnusedPort();
        var (builder, _, _) = TestApps.CreateFake("--data-dir", TestDirectories.Create("ports"));
        var api = builder.AddExecutable("api", "true", ".").WithHttpEndpoint(free);

        EndpointAllocator.Allocate(builder.Resources, isolated: false);

        Assert.Equal(free, api.GetEndpoint("http").Port);
    }

    [Fact]
    public void IsolatedModeGivesEveryEndpointAFreePortInsteadOfTheDefault()
    {
        var free = UnusedPort();
        var (builder, _, _) = TestApps.CreateFake();
        var api = builder.AddExecutable("api", "true", ".").WithHttpEndpoint(free);

        EndpointAllocator.Allocate(builder.Resources, builder.ExecutionContext.IsIsolated);

        Assert.NotEqual(free, api.GetEndpoint("http").Port);
    }

    // Not from PortAllocator: a port it handed out is never handed out again, not even as a default.
    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
