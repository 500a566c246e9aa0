using Winyx.Hosting.Tests.Infrastructure;

namespace Winyx.Hosting.Tests;

/// <summary>WaitFor and WaitForCompletion decide the start order.</summary>
public sealed class WaitForTests
{
    [Fact]
    public async Task ResourceStartsOnlyAfterItsDependencyIsHealthy()
    {
        var (builder, executor, _) = TestApps.CreateFake();
        var probe = new SwitchableProbe();
        var db = builder.AddExecutable("db", "true", ".").WithHealthCheck("switch", probe);
        builder.AddExecutable("api", "true", ".").WaitFor(db);
        await using var app = await builder.BuildAsync();

        await app.StartAsync();
        await app.WaitAsync("db", s => s.State == KnownResourceStates.Running);
        var waiting = await app.WaitAsync("api", s => s.State == KnownResourceStates.Waiting);
        Assert.Equal(["db"], waiting.WaitingFor.ToArray());
        Assert.DoesNotContain("api", executor.LaunchOrder);

        probe.Set(healthy: true);
        await app.WaitAsync("api", s => s.State == KnownResourceStates.Running);

        Assert.Equal(["db", "api"], executor.LaunchOrder);
    }

    [Fact]
    public async Task ChainedWaitsStartInDependencyOrder()
    {
        var (builder, executor, _) = TestApps.CreateFake();
        var a = builder.AddExecutable("a", "true", ".");
        var b = builder.AddExecutable("b", "true", ".").WaitFor(a);
        builder.AddExecutable("c", "true", ".").WaitFor(b).WaitFor(a);
        await using var app = await builder.BuildAsync();

        await app.StartAsync();
        await app.WaitAsync("c", s => s.State == KnownResourceStates.Running);

        Assert.Equal(["a", "b", "c"], executor.LaunchOrder);
    }

    [Fact]
    public async Task DependentFailsNamingAMissingDependency()
    {
        var (builder, executor, _) = TestApps.CreateFake();
        var tool = builder.AddExecutable("tool", "winyx-no-such-binary", ".")
            .WithAnnotation(new InstallHintAnnotation("apt-get install -y winyx-tool"));
        builder.AddExecutable("api", "true", ".").WaitFor(tool);
        await using var app = await builder.BuildAsync();

        await app.StartAsync();
        var missing = await app.WaitAsync("tool", s => s.State == KnownResourceStates.Missing);
        var failed = await app.WaitAsync("api", s => s.State == KnownResourceStates.FailedToStart);

        Assert.Contains("apt-get install -y winyx-tool", missing.Message, StringComparison.Ordinal);
        Assert.Contains("'tool'", failed.Message, StringComparison.Ordinal);
        Assert.Empty(executor.LaunchOrder);
    }

    [Fact]
    public async Task WaitForCompletionStartsAfterTheJobExitsWithZero()
    {
        var (builder, executor, _) = TestApps.CreateFake();
        var migrate = builder.AddExecutable("migrate", "true", ".");
        builder.AddExecutable("api", "true", ".").WaitForCompletion(migrate);
        await using var app = await builder.BuildAsync();

        await app.StartAsync();
        await app.WaitAsync("migrate", s => s.State == KnownResourceStates.Running);
        await app.WaitAsync("api", s => s.State == KnownResourceStates.Waiting);
        executor.Current("migrate").Exit(0);

        await app.WaitAsync("api", s => s.State == KnownResourceStates.Running);
        Assert.Equal(KnownResourceStates.Exited, app.ResourceNotifications.GetSnapshot("migrate").State);
    }

    [Fact]
    public async Task WaitForCompletionFailsWhenTheJobFails()
    {
        var (builder, executor, _) = TestApps.CreateFake();
        var migrate = builder.AddExecutable("migrate", "true", ".").WithRestartPolicy(RestartPolicy.Never);
        builder.AddExecutable("api", "true", ".").WaitForCompletion(migrate);
        await using var app = await builder.BuildAsync();

        await app.StartAsync();
        await app.WaitAsync("migrate", s => s.State == KnownResourceStates.Running);
        executor.Current("migrate").Exit(2);

        var failed = await app.WaitAsync("api", s => s.State == KnownResourceStates.FailedToStart);
        Assert.Contains("'migrate'", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ResourceCannotWaitForItself()
    {
        var (builder, _, _) = TestApps.CreateFake();
        var api = builder.AddExecutable("api", "true", ".");

        var error = Assert.Throws<DistributedApplicationException>(() => api.WaitFor(api));

        Assert.Contains("'api' cannot wait for itself", error.Message, StringComparison.Ordinal);
    }
}
