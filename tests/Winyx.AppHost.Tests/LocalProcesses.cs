using System.Globalization;

namespace Winyx.AppHost.Tests;

/// <summary>
/// Finds the process behind a fleet resource by the TCP port it listens on (/proc/net/tcp, then the
/// process holding that socket), so a drill kills exactly this fleet's MariaDB, Redis or UserRpc and
/// never another fleet's on the same machine.
/// </summary>
internal static class LocalProcesses
{
    /// <summary>The id of the process listening on 127.0.0.1:<paramref name="port"/>.</summary>
    public static int ListeningOn(int port)
    {
        var inodes = new[] { "/proc/net/tcp", "/proc/net/tcp6" }
            .Where(File.Exists)
            .SelectMany(File.ReadLines)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            // sl local_address rem_address st … inode: "0100007F:1F90", state 0A is LISTEN.
            .Where(f => f.Length > 9 && f[3] == "0A" && f[1].Contains(':', StringComparison.Ordinal)
                && int.Parse(f[1][(f[1].IndexOf(':', StringComparison.Ordinal) + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture) == port)
            .Select(f => $"socket:[{f[9]}]")
            .ToHashSet(StringComparer.Ordinal);
        Assert.True(inodes.Count > 0, $"nothing listens on port {port}");

        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            try
            {
                if (Directory.EnumerateFileSystemEntries(Path.Combine(directory, "fd"))
                    .Any(fd => new FileInfo(fd).LinkTarget is { } target && inodes.Contains(target)))
                {
                    return pid;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The process ended while we looked, or is not ours to read.
            }
        }

        throw new InvalidOperationException($"no process holds the socket listening on port {port}");
    }

    /// <summary>SIGKILL, as <c>kill -9</c>: no handler runs, nothing is flushed.</summary>
    public static void Kill(int pid)
    {
        using var process = System.Diagnostics.Process.GetProcessById(pid);
        process.Kill(entireProcessTree: false);
    }

    /// <summary>True while <paramref name="pid"/> exists and is not a zombie waiting to be reaped.</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The port of an Aspire connection string: <c>Port=N</c> (MySQL) or <c>host:N,…</c> (Redis).</summary>
    public static int PortOf(string connectionString)
    {
        var mysql = connectionString.Split(';').Select(p => p.Split('=', 2)).FirstOrDefault(p => p[0].Trim().Equals("Port", StringComparison.OrdinalIgnoreCase));
        var text = mysql is not null ? mysql[1] : connectionString.Split(',')[0].Split(':')[^1];
        return int.Parse(text, CultureInfo.InvariantCulture);
    }
}
