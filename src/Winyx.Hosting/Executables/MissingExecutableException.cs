namespace Winyx.Hosting.Executables;

/// <summary>Thrown when a binary a process or server needs is not installed.</summary>
public sealed class MissingExecutableException : Exception
{
    /// <summary>Creates the exception for <paramref name="executable"/>.</summary>
    /// <param name="executable">The binary that was looked for.</param>
    /// <param name="installHint">The exact command that installs it, when known.</param>
    public MissingExecutableException(string executable, string? installHint)
        : base(BuildMessage(executable, installHint))
    {
        Executable = executable;
        InstallHint = installHint;
    }

    /// <summary>The binary that was looked for.</summary>
    public string Executable { get; }

    /// <summary>The exact command that installs it, or null when unknown.</summary>
    public string? InstallHint { get; }

    private static string BuildMessage(string executable, string? installHint)
    {
        var message = $"The executable '{executable}' was not found on PATH or in /usr/local/sbin, /usr/sbin, /sbin.";
        return installHint is null ? message : $"{message} Install it with: {installHint}";
    }
}
