using Winyx.Hosting.Processes;

namespace Winyx.Hosting.Orchestrator;

/// <summary>A resource run as one supervised child process.</summary>
/// <param name="ResourceName">The resource.</param>
/// <param name="ReplicaIndex">Which copy.</param>
/// <param name="FileName">The program.</param>
public sealed record ProcessLaunchSpec(string ResourceName, int ReplicaIndex, string FileName) : LaunchSpec(ResourceName, ReplicaIndex)
{
    /// <summary>Arguments, as-is.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>Variables added to the inherited environment.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Working directory, or null for the AppHost's.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>The resource's output buffer (kept across restarts).</summary>
    public ProcessOutputBuffer? Output { get; init; }

    /// <summary>The log file of this copy, or null.</summary>
    public string? LogFilePath { get; init; }

    /// <summary>What to suggest when the program is missing.</summary>
    public string? InstallHint { get; init; }

    /// <inheritdoc />
    public override string Describe() => $"{Path.GetFileName(FileName)} {string.Join(' ', Arguments.Take(3))}{(Arguments.Count > 3 ? " …" : string.Empty)}";
}
