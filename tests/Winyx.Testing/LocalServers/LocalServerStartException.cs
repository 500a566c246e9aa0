using Winyx.Hosting.MySql;
namespace Winyx.Testing.LocalServers;

/// <summary>
/// A local server process started but never became ready: it exited, timed out, or refused the
/// set-up. The message carries the tail of its output, which is where the reason usually is.
/// </summary>
public sealed class LocalServerStartException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="serverName">The server, for example <c>mariadb</c>.</param>
    /// <param name="reason">What went wrong, in one sentence.</param>
    /// <param name="outputTail">The last lines the server wrote.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public LocalServerStartException(string serverName, string reason, string outputTail, Exception? innerException = null)
        : base(BuildMessage(serverName, reason, outputTail), innerException)
    {
        ServerName = serverName;
        OutputTail = outputTail;
    }

    /// <summary>The server that failed.</summary>
    public string ServerName { get; }

    /// <summary>The last lines the server wrote.</summary>
    public string OutputTail { get; }

    private static string BuildMessage(string serverName, string reason, string outputTail) =>
        string.IsNullOrWhiteSpace(outputTail)
            ? $"{serverName} failed to start: {reason} (it wrote no output)."
            : $"{serverName} failed to start: {reason}\n--- last output ---\n{outputTail}";
}
