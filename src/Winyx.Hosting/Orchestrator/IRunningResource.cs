namespace Winyx.Hosting.Orchestrator;

/// <summary>One started copy of a resource.</summary>
public interface IRunningResource
{
    /// <summary>Its process id, when it has one.</summary>
    int? ProcessId { get; }

    /// <summary>Completes with the exit code when it ends, for whatever reason.</summary>
    Task<int> Completion { get; }

    /// <summary>Stops it gracefully, killing it after <paramref name="timeout"/>.</summary>
    Task StopAsync(TimeSpan timeout);
}
