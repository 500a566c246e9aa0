using System.Diagnostics;

namespace Winyx.Hosting.Executables;

/// <summary>
/// Runs a set-up command to completion (mariadb-install-db, say) before Aspire starts a resource:
/// no shell, arguments as a list, output kept for the error message.
/// </summary>
public static class OneShotCommand
{
    /// <summary>
    /// Runs <paramref name="executable"/>; throws <see cref="InvalidOperationException"/> with the
    /// tail of its output when it exits non-zero, and kills it when cancelled or past <paramref name="timeout"/>.
    /// </summary>
    public static async Task RunAsync(string executable, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(executable);
        ArgumentNullException.ThrowIfNull(arguments);
        var path = ExecutableLocator.Require(executable);
        var start = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{executable} did not finish within {timeout.TotalSeconds:0} s.");
        }

        if (process.ExitCode != 0)
        {
            var tail = string.Join('\n', ((await output.ConfigureAwait(false)) + (await error.ConfigureAwait(false))).Split('\n').TakeLast(25));
            throw new InvalidOperationException($"{executable} exited with code {process.ExitCode}:\n{tail}");
        }
    }
}
