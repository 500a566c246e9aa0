using Winyx.Hosting.Tests.Infrastructure;

namespace Winyx.Hosting.Tests;

/// <summary>A bad model fails at Build(), naming the culprit.</summary>
public sealed class ModelValidationTests
{
    [Fact]
    public void WaitForCycleFailsNamingEveryResourceInIt()
    {
        var (builder, _, _) = TestApps.CreateFake();
        var a = builder.AddExecutable("a", "true", ".");
        var b = builder.AddExecutable("b", "true", ".").WaitFor(a);
        var c = builder.AddExecutable("c", "true", ".").WaitFor(b);
        a.WaitFor(c);

        var error = Assert.Throws<DistributedApplicationException>(() => builder.Build());

        Assert.Contains("WaitFor cycle", error.Message, StringComparison.Ordinal);
        Assert.Matches("a → c → b → a|c → b → a → c|b → a → c → b", error.Message);
    }

    [Fact]
    public void ReferenceToAResourceOutsideTheModelFailsNamingIt()
    {
        var (builder, _, _) = TestApps.CreateFake();
        var stray = builder.CreateResourceBuilder(new RedisResource("stray")).WithEndpoint("tcp", "tcp");
        builder.AddExecutable("api", "true", ".").WithReference(stray);

        var error = Assert.Throws<DistributedApplicationException>(() => builder.Build());

        Assert.Contains("'api' references 'stray'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoResourcesOnOneFixedPortFailNamingBoth()
    {
        var (builder, _, _) = TestApps.CreateFake();
        builder.AddExecutable("api", "true", ".").WithHttpEndpoint(8888);
        builder.AddExecutable("web", "true", ".").WithHttpEndpoint(8888);

        var error = Assert.Throws<DistributedApplicationException>(() => builder.Build());

        Assert.Contains("port 8888 is claimed by 'api' (http) and 'web' (http)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateResourceNameFailsWhenAdded()
    {
        var (builder, _, _) = TestApps.CreateFake();
        builder.AddExecutable("api", "true", ".");

        var error = Assert.Throws<DistributedApplicationException>(() => builder.AddRedis("api"));

        Assert.Contains("'api'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidResourceNameIsRejected()
    {
        var (builder, _, _) = TestApps.CreateFake();

        var error = Assert.Throws<ArgumentException>(() => builder.AddExecutable("Not_Valid!", "true", "."));

        Assert.Contains("Not_Valid!", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HealthCheckOnAnUndeclaredEndpointFailsNamingIt()
    {
        var (builder, _, _) = TestApps.CreateFake();

        var error = Assert.Throws<DistributedApplicationException>(() => builder.AddExecutable("api", "true", ".").WithHttpHealthCheck("/health", "admin"));

        Assert.Contains("'admin'", error.Message, StringComparison.Ordinal);
    }
}
