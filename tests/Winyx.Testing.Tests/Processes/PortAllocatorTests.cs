using System.Net;
using System.Net.Sockets;
using Winyx.Hosting.Executables;
using Winyx.Testing.Processes;
using Xunit;

namespace Winyx.Testing.Tests.Processes;

public sealed class PortAllocatorTests
{
    [Fact]
    public void AFreePortIsFreeUntilSomethingListensOnIt()
    {
        var port = PortAllocator.GetFreePort();
        Assert.True(PortAllocator.IsFree(port));

        using var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();

        Assert.False(PortAllocator.IsFree(port));
    }

    [Fact]
    public void PortsAreNeverHandedOutTwice()
    {
        var ports = Enumerable.Range(0, 50).Select(_ => PortAllocator.GetFreePort()).ToList();

        Assert.Equal(ports.Count, ports.Distinct().Count());
    }

    [Fact]
    public void ATakenPreferredPortFallsBackToAFreeOne()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var taken = ((IPEndPoint)listener.LocalEndpoint).Port;

        var port = PortAllocator.GetPreferredOrFreePort(taken);

        Assert.NotEqual(taken, port);
        Assert.True(PortAllocator.IsFree(port));
    }
}
