using Winyx.Hosting.Processes;
using Winyx.Testing;

namespace Winyx.AppHost.Tests;

/// <summary>The AppHost as users run it: a real process, its command line, and what happens when it is killed.</summary>
public sealed class AppHostProcessTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task KilledAppHostLeavesNoChildBehind()
    {
        await using var appHost = await StartAppHostAsync("--isolated", "--no-build");
        string[] expected = ["mariadbd", "redis-server", "prometheus", "Winyx.UserRpc"];
        var children = await Poll.ForValueAsync(() =>
        {
            var found = ChildrenOf(appHost.Id);
            return Task.FromResult(expected.All(e => found.Any(c => c.CommandLine.Contains(e, StringComparison.Ordinal))) ? found : null);
        }, Deadline, $"the AppHost never ran {string.Join(", ", expected)}:\n{appHost.Output.TailText(30)}");

        // SIGKILL: no handler runs, no cleanup; only the kernel's parent-death signal can act.
        using (var process = System.Diagnostics.Process.GetProcessById(appHost.Id))
        {
            process.Kill(entireProcessTree: false);
        }

        await Poll.UntilAsync(() => children.All(c => !IsAlive(c.Pid)), TimeSpan.FromSeconds(15),
            $"children outlived the AppHost: {string.Join(", ", children.Where(c => IsAlive(c.Pid)).Select(c => c.CommandLine))}");
        DeleteDataRoot(appHost);
    }

    [Fact]
    public async Task BadTimeScaleExitsWithAnErrorNamingTheValue()
    {
        await using var appHost = await StartAppHostAsync("--time-scale", "fast");

        var exitCode = await appHost.Completion.WaitAsync(Deadline);

        Assert.Equal(2, exitCode);
        Assert.Contains(appHost.Output.Snapshot(), l => l.Text.StartsWith("error: --time-scale expects a number >= 1, got 'fast'", StringComparison.Ordinal));
    }

    // A killed AppHost cannot remove its temporary data root; its header line names it.
    private static void DeleteDataRoot(ManagedProcess appHost)
    {
        var header = appHost.Output.Snapshot().Select(l => System.Text.RegularExpressions.Regex.Match(l.Text, @"^Winyx AppHost: .*, data (/tmp/\S+)\)$")).FirstOrDefault(m => m.Success);
        if (header is not null)
        {
            TestDirectories.Delete(header.Groups[1].Value);
        }
    }

    private static Task<ManagedProcess> StartAppHostAsync(params string[] args) =>
        ManagedProcess.StartAsync(new ManagedProcessOptions("dotnet")
        {
            Arguments = [RepoLayout.ProjectAssembly("Winyx.AppHost"), .. args],
            StopTimeout = TimeSpan.FromSeconds(20),
            OutputCapacity = 500,
        });

    private static List<(int Pid, string CommandLine)> ChildrenOf(int parent) =>
        Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && ParentOf(pid) == parent)
            .Select(pid => (pid, CommandLineOf(pid)))
            .ToList();

    private static int? ParentOf(int pid) => Stat(pid) is { } fields && int.TryParse(fields[1], out var ppid) ? ppid : null;

    // A zombie (state Z) is dead; it only waits for whoever adopted it to reap it.
    private static bool IsAlive(int pid) => Stat(pid) is { } fields && fields[0] != "Z";

    // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces, so split after the last ')'.
    private static string[]? Stat(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string CommandLineOf(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }
}
