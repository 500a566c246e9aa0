namespace Winyx.Hosting.Orchestrator;

/// <summary>
/// Everything needed to start one copy of a resource, fully resolved (ports, secrets, paths).
/// Produced from the model by <see cref="LaunchSpecFactory"/>, consumed by an <see cref="IResourceExecutor"/>.
/// </summary>
/// <param name="ResourceName">The resource.</param>
/// <param name="ReplicaIndex">Which copy.</param>
public abstract record LaunchSpec(string ResourceName, int ReplicaIndex)
{
    /// <summary>How long a graceful stop waits before killing.</summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>One line for the console and logs (never a secret).</summary>
    public abstract string Describe();
}
