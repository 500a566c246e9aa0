using Winyx.Hosting.Executables;
using Winyx.Testing.Processes;
using Xunit;

namespace Winyx.Testing.Tests.Processes;

public sealed class ManagedProcessTests : IDisposable
{
    private readonly string _directory = TestDirectories.Create("managed-process");

    [Fact]
    public async Task CapturesStdoutAndStderrLineByLineAndReportsTheExitCode()
    {
        await using var process = await ManagedProcess.StartAsync(Shell.Script("echo one; echo two >&2; printf three; exit 3"));

        var exitCode = await process.Completion.WaitAsync(Shell.Deadline);

        Assert.Equal(3, exitCode);
        Assert.Equal(3, process.ExitCode);
        var lines = process.Output.Snapshot();
        Assert.Equal(["one", "three"], lines.Where(l => l.Stream == OutputStreamKind.StandardOutput).Select(l => l.Text));
        Assert.Equal(["two"], lines.Where(l => l.Stream == OutputStreamKind.StandardError).Select(l => l.Text));
    }

    [Fact]
    public async Task PassesEnvironmentVariablesAndTheWorkingDirectory()
    {
        var options = Shell.Script("echo \"$WINYX_TEST_VALUE\"; echo \"${HOME:-unset}\"; pwd") with
        {
            Environment = new Dictionary<string, string?> { ["WINYX_TEST_VALUE"] = "hello", ["HOME"] = null },
            WorkingDirectory = _directory,
        };
        await using var process = await ManagedProcess.StartAsync(options);

        await process.Completion.WaitAsync(Shell.Deadline);

        Assert.Equal(["hello", "unset", _directory], process.Output.Snapshot().Select(l => l.Text));
    }

    [Fact]
    public async Task AppendsEveryLineToTheLogFile()
    {
        var logFile = Path.Combine(_directory, "logs", "child.log");
        await using var process = await ManagedProcess.StartAsync(Shell.Script("echo out; echo err >&2") with { LogFilePath = logFile });

        await process.Completion.WaitAsync(Shell.Deadline);

        Assert.Equal(["err", "out"], File.ReadAllLines(logFile).Order());
    }

    [Fact]
    public async Task GracefulStopSendsSigtermToTheChild()
    {
        var marker = Path.Combine(_directory, "terminated");
        var script = $"trap 'echo term > {Shell.Quote(marker)}; exit 0' TERM; echo ready; while :; do sleep 1 & wait $!; done";
        await using var process = await ManagedProcess.StartAsync(Shell.Script(script));
        await Poll.UntilAsync(() => process.Output.Snapshot().Any(l => l.Text == "ready"), Shell.Deadline, "the script installed its trap");

        var exitCode = await process.StopAsync(timeout: TimeSpan.FromSeconds(30));

        Assert.Equal(0, exitCode);
        Assert.Equal("term", File.ReadAllText(marker).Trim());
    }

    [Fact]
    public async Task AStopRightAfterTheStartStillArrivesAsSigterm()
    {
        // No wait for output: the stop may land before the child has made its own process group.
        await using var process = await ManagedProcess.StartAsync(Shell.Script("while :; do sleep 1 & wait $!; done"));

        var exitCode = await process.StopAsync(timeout: TimeSpan.FromSeconds(60));

        // 128 + 15: ended by SIGTERM, not by the SIGKILL that follows a lost request.
        Assert.Equal(143, exitCode);
    }

    [Fact]
    public async Task StopKillsAChildThatIgnoresSigtermOnceTheTimeoutPasses()
    {
        await using var process = await ManagedProcess.StartAsync(Shell.Script("trap '' TERM; echo ready; while :; do sleep 1; done"));
        await Poll.UntilAsync(() => process.Output.Snapshot().Any(l => l.Text == "ready"), Shell.Deadline, "the script ignored TERM");

        var exitCode = await process.StopAsync(timeout: TimeSpan.FromMilliseconds(300));

        Assert.Equal(128 + 9, exitCode);
    }

    [Fact]
    public async Task StoppingTheChildAlsoEndsTheProcessesItSpawned()
    {
        await using var process = await ManagedProcess.StartAsync(Shell.Script("sleep 300 & echo $!; wait"));
        var grandchild = await Shell.ReadPidAsync(process);
        Assert.True(Shell.IsAlive(grandchild));

        await process.StopAsync();

        await Poll.UntilAsync(() => !Shell.IsAlive(grandchild), Shell.Deadline, $"grandchild {grandchild} ended with its process group");
    }

    [Fact]
    public async Task AMissingExecutableIsReportedByNameWithItsInstallHint()
    {
        var options = new ManagedProcessOptions("winyx-no-such-binary") { InstallHint = "apt-get install -y winyx-no-such-package" };

        var error = await Assert.ThrowsAsync<MissingExecutableException>(() => ManagedProcess.StartAsync(options));

        Assert.Equal("winyx-no-such-binary", error.Executable);
        Assert.Contains("'winyx-no-such-binary'", error.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install -y winyx-no-such-package", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AChildStartedFromAShortLivedThreadSurvivesThatThreadsExit()
    {
        // PDEATHSIG fires when the forking thread exits; the launcher thread is what prevents it.
        var marker = Path.Combine(_directory, "terminated");
        var script = $"trap 'echo term > {Shell.Quote(marker)}; exit 0' TERM; echo ready; while :; do sleep 1 & wait $!; done";
        ManagedProcess? process = null;
        var thread = new Thread(() => process = ManagedProcess.StartAsync(Shell.Script(script)).GetAwaiter().GetResult());
        thread.Start();
        thread.Join();
        await using var started = process!;
        await Poll.UntilAsync(() => started.Output.Snapshot().Any(l => l.Text == "ready"), Shell.Deadline, "the script started");

        // Had the thread's exit SIGKILLed it, it would exit 137 without running its trap.
        var exitCode = await started.StopAsync(timeout: TimeSpan.FromSeconds(30));

        Assert.Equal(0, exitCode);
        Assert.True(File.Exists(marker));
    }

    public void Dispose() => TestDirectories.Delete(_directory);
}
