using Winyx.Hosting.Orchestrator;
using Winyx.Hosting.Tests.Infrastructure;

namespace Winyx.Hosting.Tests;

/// <summary>Containers run only where an engine answers; elsewhere they are Missing and the rest starts.</summary>
public sealed class AddContainerTests
{
    [Fact]
    public async Task ContainerWithoutAnEngineIsMissingAndTheRestStarts()
    {
        if (await new ContainerEngine().DetectAsync() is not null)
        {
            return; // an engine answers here: the container would really run
        }

        var (builder, _, _) = TestApps.CreateFake();
        builder.AddContainer("cache", "redis", "7.0").WithContainerEndpoint("tcp", 6379);
        builder.AddExecutable("api", "true", ".");
        await using var app = await builder.BuildAsync();

        await app.StartAsync();
        var cache = await app.WaitAsync("cache", s => s.State == KnownResourceStates.Missing);
        await app.WaitAsync("api", s => s.State == KnownResourceStates.Running);

        Assert.Equal(ContainerEngine.MissingHint, cache.Message);
    }

    [Fact]
    public void ContainerCommandLinePublishesEndpointsOnLoopbackAndPassesEnvironmentByName()
    {
        var (builder, _, _) = TestApps.CreateFake();
        var cache = builder.AddContainer("cache", "redis", "7.0").WithContainerEndpoint("tcp", 6379);
        EndpointAllocator.Allocate(builder.Resources, isolated: true);
        var launch = new ResourceLaunchContext(cache.Resource, 0, builder.ExecutionContext, LaunchMode.Container, CancellationToken.None);

        var args = ContainerCommandLine.Build(launch, new ContainerImageAnnotation("redis", "7.0"), new Dictionary<string, string> { ["SECRET"] = "hunter2" }, ["--save", ""]);

        var port = cache.GetEndpoint("tcp").Port;
        Assert.Contains($"127.0.0.1:{port}:6379", args);
        Assert.Contains("SECRET", args);
        Assert.DoesNotContain(args, a => a.Contains("hunter2", StringComparison.Ordinal));
        Assert.Equal(["redis:7.0", "--save", ""], args.TakeLast(3));
    }
}
