using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace Winyx.Backup.Dumping;

/// <summary>
/// Runs <c>mariadb-dump --single-transaction --routines</c> (a consistent snapshot without locking
/// InnoDB tables) as a child process, never through a shell, and streams the SQL it writes to a
/// caller's stream. The password travels only in <c>MYSQL_PWD</c>: a command line is readable by
/// every local user through <c>/proc</c>.
/// </summary>
public sealed class MariaDbDump
{
    /// <summary>The executable run unless another is given (Debian package mariadb-client).</summary>
    public const string DefaultExecutable = "mariadb-dump";

    private const int ErrorLines = 5;

    /// <summary>Creates a runner of <paramref name="executable"/> (a name on PATH or a path).</summary>
    public MariaDbDump(string executable = DefaultExecutable)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(executable);
        Executable = executable;
    }

    /// <summary>The executable run.</summary>
    public string Executable { get; }

    /// <summary>The process start: arguments as a list (no shell quoting), the password in the environment only.</summary>
    public ProcessStartInfo CreateStartInfo(DumpTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var start = new ProcessStartInfo(Executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // --no-defaults first: a ~/.my.cnf password or host would silently win over the connection string.
        start.ArgumentList.Add("--no-defaults");
        if (target.IsSocket)
        {
            start.ArgumentList.Add($"--socket={target.Host}");
        }
        else
        {
            start.ArgumentList.Add($"--host={target.Host}");
            start.ArgumentList.Add($"--port={target.Port.ToString(CultureInfo.InvariantCulture)}");
        }

        start.ArgumentList.Add($"--user={target.User}");
        start.ArgumentList.Add("--single-transaction");
        start.ArgumentList.Add("--routines");
        // The fleet's tables are utf8mb4; a narrower client character set would mangle 4-byte characters.
        start.ArgumentList.Add("--default-character-set=utf8mb4");
        start.ArgumentList.Add(target.Database);
        start.Environment["MYSQL_PWD"] = target.Password;
        return start;
    }

    /// <summary>
    /// Dumps <paramref name="target"/> into <paramref name="destination"/>. Cancelling kills the dump.
    /// </summary>
    /// <exception cref="DumpFailedException">The dump could not start or exited with an error.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task DumpAsync(DumpTarget target, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        cancellationToken.ThrowIfCancellationRequested();
        using var process = new Process { StartInfo = CreateStartInfo(target) };
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            throw new DumpFailedException($"{Executable} could not be started ({ex.Message}); install the Debian package mariadb-client.", ex);
        }

        var errors = new Queue<string>();
        try
        {
            using (cancellationToken.Register(() => Kill(process)))
            {
                var copy = process.StandardOutput.BaseStream.CopyToAsync(destination, CancellationToken.None);
                var errorLines = ReadLastLinesAsync(process.StandardError, errors);
                await Task.WhenAll(copy, errorLines).ConfigureAwait(false);
                await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
        finally
        {
            // A failed copy (disk full) leaves the dump blocked on a full pipe: it must not outlive us.
            Kill(process);
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (process.ExitCode != 0)
        {
            var detail = errors.Count == 0 ? string.Empty : ": " + string.Join(" ", errors);
            throw new DumpFailedException($"{Executable} exited with code {process.ExitCode.ToString(CultureInfo.InvariantCulture)}{detail}");
        }
    }

    private static async Task ReadLastLinesAsync(StreamReader reader, Queue<string> lines)
    {
        while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            if (line.Trim().Length == 0)
            {
                continue;
            }

            lines.Enqueue(line.Trim());
            if (lines.Count > ErrorLines)
            {
                lines.Dequeue();
            }
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }
    }
}
