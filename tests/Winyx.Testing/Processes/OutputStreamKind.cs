namespace Winyx.Testing.Processes;

/// <summary>Which of a child process's output streams a line came from.</summary>
public enum OutputStreamKind
{
    /// <summary>The child's standard output.</summary>
    StandardOutput,

    /// <summary>The child's standard error.</summary>
    StandardError,
}
