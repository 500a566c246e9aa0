using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Winyx.Hosting.Orchestrator;
using Winyx.Hosting.Tests.Infrastructure;
using Winyx.Testing;

namespace Winyx.Hosting.Tests;

/// <summary>Health probes (HTTP, TCP, command) run while a resource runs and feed its snapshot.</summary>
public sealed class HealthCheckTests
{
    [Fact]
    public async Task CommandProbeTurnsHealthyWhenTheCommandSucceeds()
    {
        var marker = Path.Combine(TestDirectories.Create("health"), "ready");
        var (builder, _, _) = TestApps.CreateFake();
        builder.AddExecutable("worker", "true", ".").WithCommandHealthCheck("sh", _ => ["-c", $"test -f {marker}"]);
        await using var app = await builder.BuildAsync();
        await app.StartAsync();

        var sick = await app.WaitAsync("worker", s => s.HealthStatus == HealthStatus.Unhealthy);
        Assert.False(sick.IsReady);
        await File.WriteAllTextAsync(marker, "");

        var healthy = await app.WaitAsync("worker", s => s.HealthStatus == HealthStatus.Healthy);
        Assert.True(healthy.IsReady);
        TestDirectories.Delete(Path.GetDirectoryName(marker)!);
    }

    [Fact]
    public async Task TcpProbeFollowsTheListener()
    {
        var (builder, _, _) = TestApps.CreateFake();
        var db = builder.AddExecutable("db", "true", ".").WithEndpoint("tcp", "tcp").WithTcpHealthCheck("tcp");
        await using var app = await builder.BuildAsync();
        await app.StartAsync();
        await app.WaitAsync("db", s => s.HealthStatus == HealthStatus.Unhealthy);

        using var listener = new TcpListener(IPAddress.Loopback, db.GetEndpoint("tcp").Port);
        listener.Start();
        await app.WaitAsync("db", s => s.HealthStatus == HealthStatus.Healthy);
        listener.Stop();

        var down = await app.WaitAsync("db", s => s.HealthStatus == HealthStatus.Unhealthy);
        Assert.Contains("TCP connect", down.HealthDescription, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HttpProbeReportsTheStatusCodeWhenNotHealthy()
    {
        var (builder, _, _) = TestApps.CreateFake();
        // The control API answers 401 without a token: a handy server that is up but not healthy.
        var web = builder.AddExecutable("web", "true", ".").WithHttpEndpoint().WithHttpHealthCheck("/api/resources");
        await using var app = await builder.BuildAsync();
        web.Resource.FindEndpoint("http")!.Allocate([new AllocatedEndpoint("http", EndpointAllocator.Host, app.Dashboard.ControlPort)]);
        await app.StartAsync();

        var snapshot = await app.WaitAsync("web", s => s.HealthDescription?.Contains("401", StringComparison.Ordinal) == true);

        Assert.Equal(HealthStatus.Unhealthy, snapshot.HealthStatus);
        Assert.Equal("GET /api/resources answered 401", snapshot.HealthDescription);
    }

    [Fact]
    public async Task ResourceWithoutHealthChecksIsReadyWhenRunning()
    {
        var (builder, _, _) = TestApps.CreateFake();
        builder.AddExecutable("plain", "true", ".");
        await using var app = await builder.BuildAsync();

        await app.StartAsync();
        var snapshot = await app.WaitAsync("plain", s => s.State == KnownResourceStates.Running);

        Assert.True(snapshot.IsReady);
        Assert.Null(snapshot.HealthStatus);
    }
}
