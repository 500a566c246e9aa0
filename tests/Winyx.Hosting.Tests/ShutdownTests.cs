using Winyx.Hosting.Tests.Infrastructure;
using Winyx.Testing;

namespace Winyx.Hosting.Tests;

/// <summary>Stopping the application stops dependents before what they depend on, gracefully.</summary>
public sealed class ShutdownTests
{
    [Fact]
    public async Task ShutdownStopsDependentsBeforeTheirDependencies()
    {
        var scratch = TestDirectories.Create("shutdown");
        var journal = Path.Combine(scratch, "journal");
        var builder = TestApps.CreateReal();
        var db = builder.AddShell("db", Script("db", journal));
        var api = builder.AddShell("api", Script("api", journal)).WaitFor(db);
        builder.AddShell("web", Script("web", journal)).WaitFor(api);
        var app = await builder.BuildAsync();
        await app.StartAsync();
        await app.WaitAsync("web", s => s.State == KnownResourceStates.Running);
        await Poll.UntilAsync(() => File.Exists(journal) && File.ReadAllLines(journal).Length == 3, TestApps.Timeout, "not every resource started");

        await app.DisposeAsync();

        var stops = File.ReadAllLines(journal).Where(l => l.StartsWith("stop", StringComparison.Ordinal)).ToArray();
        TestDirectories.Delete(scratch);
        Assert.Equal(["stop web", "stop api", "stop db"], stops);
    }

    [Fact]
    public async Task ProcessThatIgnoresTermIsKilledAfterTheTimeout()
    {
        var builder = Winyx.Hosting.Testing.DistributedApplicationTestingBuilder.Create("--isolated", "--stop-timeout", "0.3");
        var stubborn = builder.AddShell("stubborn", "trap '' TERM; echo ready; while true; do sleep 0.05; done");
        await using var app = builder.Build();
        await app.StartAsync();
        var running = await app.WaitAsync("stubborn", s => s.State == KnownResourceStates.Running);
        var pid = running.ProcessIds.Single();
        await Poll.UntilAsync(() => app.ResourceLogs.GetOutput("stubborn").Snapshot().Any(l => l.Text == "ready"), TestApps.Timeout, "the trap was never set");

        await app.StopResourceAsync("stubborn");

        var stopped = app.ResourceNotifications.GetSnapshot("stubborn");
        Assert.Equal(KnownResourceStates.Exited, stopped.State);
        Assert.Equal(137, stopped.ExitCode);
        Assert.False(Directory.Exists($"/proc/{pid}"));
    }

    private static string Script(string name, string journal) =>
        $"trap 'echo stop {name} >> {journal}; exit 0' TERM; echo start {name} >> {journal}; while true; do sleep 0.05; done";
}
