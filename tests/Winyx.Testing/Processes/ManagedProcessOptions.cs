namespace Winyx.Testing.Processes;

/// <summary>What to run and how to supervise it; see <see cref="ManagedProcess.StartAsync"/>.</summary>
/// <param name="FileName">A bare executable name (searched on PATH and sbin) or a path.</param>
public sealed record ManagedProcessOptions(string FileName)
{
    /// <summary>Arguments, passed as-is (no shell quoting involved).</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>Variables added to the inherited environment; a null value removes the variable.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>The working directory; null keeps ours.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>A file every output line is appended to; null for none.</summary>
    public string? LogFilePath { get; init; }

    /// <summary>
    /// Where captured lines go. Pass one to keep output across restarts; null creates a buffer of
    /// <see cref="OutputCapacity"/> lines for this run.
    /// </summary>
    public ProcessOutputBuffer? Output { get; init; }

    /// <summary>Lines kept when <see cref="Output"/> is not given.</summary>
    public int OutputCapacity { get; init; } = 1000;

    /// <summary>How long a graceful stop waits after SIGTERM before it sends SIGKILL.</summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>A name for messages (defaults to the executable's file name).</summary>
    public string? DisplayName { get; init; }

    /// <summary>The install command to suggest when the executable is missing (else looked up).</summary>
    public string? InstallHint { get; init; }
}
