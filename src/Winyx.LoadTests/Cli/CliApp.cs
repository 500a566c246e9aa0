namespace Winyx.LoadTests.Cli;

/// <summary>
/// <c>dotnet run --project src/Winyx.LoadTests -- COMMAND …</c>: <c>http</c> runs a load simulation
/// against a loopback URL; <c>alerts</c> runs the alert proof.
/// </summary>
public static class CliApp
{
    /// <summary>Exit code for a bad command line.</summary>
    public const int UsageError = 2;

    /// <summary>Exit code when Ctrl+C or SIGTERM stopped a command that cannot finish early (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;

    /// <summary>The usage text.</summary>
    public const string Usage =
        "usage: Winyx.LoadTests COMMAND [options]\n" +
        "commands:\n" +
        "  " + HttpCommandOptions.Usage + "\n" +
        "  " + AlertsCommand.Usage + "\n" +
        "  help          this text";

    /// <summary>Runs the command line; returns the process exit code.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Count == 0)
        {
            await error.WriteLineAsync(Usage).ConfigureAwait(false);
            return UsageError;
        }

        try
        {
            switch (args[0])
            {
                case "help" or "--help" or "-h":
                    await output.WriteLineAsync(Usage).ConfigureAwait(false);
                    return 0;
                case "alerts":
                    return await AlertsCommand.RunAsync(AlertsCommand.Parse(args.Skip(1).ToArray()), output, cancellationToken).ConfigureAwait(false);
                case "http":
                    var options = HttpCommandOptions.Parse(args.Skip(1).ToArray());
                    return await HttpCommand.RunAsync(options, output, cancellationToken).ConfigureAwait(false);
                default:
                    throw new UsageException($"unknown command '{args[0]}'");
            }
        }
        catch (UsageException ex)
        {
            await error.WriteLineAsync($"error: {ex.Message}\n\n{Usage}").ConfigureAwait(false);
            return UsageError;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The alert proof's fleet has been torn down on the way out.
            await error.WriteLineAsync($"{args[0]}: stopped before the end").ConfigureAwait(false);
            return Interrupted;
        }
    }
}
