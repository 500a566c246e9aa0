using Winyx.Hosting.Executables;
using Winyx.Testing.Processes;

namespace Winyx.Testing.Tests;

/// <summary>Small helpers for tests that drive <c>sh</c> scripts and inspect /proc.</summary>
internal static class Shell
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    /// <summary>Options running <paramref name="script"/> with <c>sh -c</c>.</summary>
    public static ManagedProcessOptions Script(string script) => new("sh") { Arguments = ["-c", script] };

    /// <summary>Single-quotes <paramref name="value"/> for sh.</summary>
    public static string Quote(string value) => $"'{value.Replace("'", "'\\''", StringComparison.Ordinal)}'";

    /// <summary>
    /// True while <paramref name="pid"/> is a live process. A zombie counts as dead: an orphan's
    /// corpse waits for whoever reaps at PID 1, which in a container may never come.
    /// </summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..][0];
            return state is not ('Z' or 'X');
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            return false;
        }
    }

    /// <summary>The command name of <paramref name="pid"/> (from /proc), or null when it is gone.</summary>
    public static string? CommandName(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").Trim();
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            return null;
        }
    }

    /// <summary>Waits for the first output line that parses as a pid.</summary>
    public static async Task<int> ReadPidAsync(ManagedProcess process, int index = 0)
    {
        var pids = new List<int>();
        await Poll.UntilAsync(
            () =>
            {
                pids = [.. process.Output.Snapshot().Select(l => int.TryParse(l.Text, out var pid) ? pid : 0).Where(pid => pid > 0)];
                return pids.Count > index;
            },
            Deadline,
            $"{process} printed pid #{index}");
        return pids[index];
    }
}
