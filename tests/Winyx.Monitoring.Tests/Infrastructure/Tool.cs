using Winyx.Hosting.Executables;
using Winyx.Testing.Processes;

namespace Winyx.Monitoring.Tests.Infrastructure;

/// <summary>Runs a command-line tool (promtool, amtool) to completion through <see cref="ManagedProcess"/>.</summary>
internal static class Tool
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Runs <paramref name="executable"/> and returns its exit code and combined output.</summary>
    public static async Task<ToolResult> RunAsync(string executable, IReadOnlyList<string> arguments, string? workingDirectory = null)
    {
        await using var process = await ManagedProcess.StartAsync(new ManagedProcessOptions(executable)
        {
            Arguments = arguments,
            WorkingDirectory = workingDirectory,
            OutputCapacity = 10_000,
        });
        var exitCode = await process.Completion.WaitAsync(Timeout);
        var output = string.Join('\n', process.Output.Snapshot().Select(line => line.Text));
        return new ToolResult(exitCode, $"{executable} {string.Join(' ', arguments)}\n{output}");
    }
}
