using Winyx.Hosting.Tests.Infrastructure;
using Winyx.Testing;

namespace Winyx.Hosting.Tests;

/// <summary>Real child processes: a crash is restarted with backoff, a stop is graceful, a stopped resource starts again.</summary>
public sealed class SupervisionTests
{
    [Fact]
    public async Task CrashedResourceIsRestartedWithBackoff()
    {
        var builder = TestApps.CreateReal();
        builder.AddShell("crasher", "echo started; exit 3")
            .WithRestartPolicy(RestartPolicy.OnFailure, TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(400));
        await using var app = await builder.BuildAsync();

        await app.StartAsync();
        var snapshot = await app.WaitAsync("crasher", s => s.RestartCount >= 3);

        Assert.Equal(3, snapshot.ExitCode);
        Assert.True(app.ResourceLogs.GetOutput("crasher").Snapshot().Count(l => l.Text == "started") >= 3);
    }

    [Fact]
    public async Task ResourceThatGivesUpStaysExitedWithItsExitCode()
    {
        var builder = TestApps.CreateReal();
        builder.AddShell("flaky", "exit 5")
            .WithRestartPolicy(RestartPolicy.OnFailure, TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(20), maxRestarts: 2);
        await using var app = await builder.BuildAsync();

        await app.StartAsync();
        var snapshot = await app.WaitAsync("flaky", s => s.IsTerminal);

        Assert.Equal(KnownResourceStates.Exited, snapshot.State);
        Assert.Equal(5, snapshot.ExitCode);
        Assert.Equal(2, snapshot.RestartCount);
    }

    [Fact]
    public async Task StopIsGracefulAndTheResourceStartsAgain()
    {
        var builder = TestApps.CreateReal();
        builder.AddShell("server", "trap 'echo graceful; exit 0' TERM; echo ready; while true; do sleep 0.05; done");
        await using var app = await builder.BuildAsync();
        await app.StartAsync();
        await app.WaitAsync("server", s => s.State == KnownResourceStates.Running);
        await Poll.UntilAsync(() => Lines(app, "server").Contains("ready"), TestApps.Timeout, "server never said ready");

        await app.StopResourceAsync("server");
        var stopped = app.ResourceNotifications.GetSnapshot("server");

        Assert.Equal(KnownResourceStates.Exited, stopped.State);
        Assert.True(stopped.StoppedByRequest);
        Assert.Equal(0, stopped.ExitCode);
        Assert.Contains("graceful", Lines(app, "server"));

        await app.StartResourceAsync("server");
        var restarted = await app.WaitAsync("server", s => s.State == KnownResourceStates.Running);
        Assert.False(restarted.StoppedByRequest);
        await Poll.UntilAsync(() => Lines(app, "server").Count(l => l == "ready") == 2, TestApps.Timeout, "the restarted server never said ready");
    }

    [Fact]
    public async Task ServerThatExitsCleanlyOnItsOwnIsRestarted()
    {
        var builder = TestApps.CreateReal();
        builder.AddShell("server", "exit 0").WithHttpEndpoint()
            .WithRestartPolicy(RestartPolicy.Always, TimeSpan.FromMilliseconds(20));
        await using var app = await builder.BuildAsync();

        await app.StartAsync();
        var snapshot = await app.WaitAsync("server", s => s.RestartCount >= 1);

        Assert.Equal(0, snapshot.ExitCode);
    }

    [Fact]
    public async Task OutputIsCapturedLineByLineIntoTheBufferAndTheLogFile()
    {
        var builder = TestApps.CreateReal();
        builder.AddShell("talker", "echo one; echo two >&2; echo three; sleep 30");
        await using var app = await builder.BuildAsync();

        await app.StartAsync();
        await Poll.UntilAsync(() => Lines(app, "talker").Count == 3, TestApps.Timeout, "talker's three lines never arrived");

        var file = app.ResourceLogs.GetLogFilePath("talker")!;
        await Poll.UntilAsync(() => File.Exists(file) && File.ReadAllLines(file).Length == 3, TestApps.Timeout, "log file incomplete");
        Assert.Equal(["one", "three", "two"], Lines(app, "talker").Order());
    }

    private static List<string> Lines(DistributedApplication app, string name) =>
        app.ResourceLogs.GetOutput(name).Snapshot().Select(l => l.Text).ToList();
}
