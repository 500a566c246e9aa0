namespace Winyx.Testing;

/// <summary>How to run an HTTP service as a child process; see <see cref="ServiceProcess"/>.</summary>
/// <param name="FileName">The executable (name or path).</param>
/// <param name="Port">The port the service listens on at 127.0.0.1 (the caller passes it to the service).</param>
public sealed record ServiceProcessOptions(string FileName, int Port)
{
    /// <summary>Arguments, passed as-is.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>Variables added to the inherited environment; a null value removes one.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>The working directory (a .NET app's content root), or null for ours.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>The path answering 2xx once the service is up.</summary>
    public string HealthPath { get; init; } = "/alive";

    /// <summary>The name used in messages.</summary>
    public string? Name { get; init; }

    /// <summary>A file the service's output is appended to, or null.</summary>
    public string? LogFilePath { get; init; }

    /// <summary>How long to wait for <see cref="HealthPath"/> to answer.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a graceful stop waits before it kills the service.</summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
