using System.Diagnostics;

namespace Winyx.Hosting.Configuration;

/// <summary>
/// Ends the AppHost with one readable error line instead of a stack trace: a bad argument or a bad
/// model is the user's to fix, and the message already names the culprit.
/// </summary>
public static class CommandLineFailure
{
    /// <summary>Prints <c>error: message</c> to standard error and exits with <paramref name="exitCode"/>. Never returns.</summary>
    public static Exception Exit(string message, int exitCode)
    {
        Console.Error.WriteLine($"error: {message}");
        Environment.Exit(exitCode);
        throw new UnreachableException();
    }
}
