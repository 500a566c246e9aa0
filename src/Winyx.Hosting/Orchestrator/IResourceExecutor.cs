namespace Winyx.Hosting.Orchestrator;

/// <summary>
/// The narrow seam between orchestration and the operating system: start one copy of a resource.
/// Everything else (waiting, health, restarts, stop order) is orchestration logic, tested against a
/// fake implementation; the real one (<see cref="ProcessResourceExecutor"/>) starts real processes.
/// </summary>
public interface IResourceExecutor
{
    /// <summary>
    /// Starts <paramref name="spec"/>. Throws <see cref="Processes.MissingExecutableException"/> when
    /// its binary is absent, any other exception when it cannot start.
    /// </summary>
    Task<IRunningResource> StartAsync(LaunchSpec spec, CancellationToken cancellationToken);
}
