using Winyx.Hosting.LocalServers;
using Winyx.Hosting.Processes;

namespace Winyx.Hosting.Orchestrator;

/// <summary>
/// A resource run by a <see cref="LocalServer"/> launcher, which prepares its data, starts it,
/// waits until it answers and runs its set-up (users, databases) before reporting it started.
/// </summary>
/// <param name="ResourceName">The resource.</param>
/// <param name="ReplicaIndex">Which copy.</param>
/// <param name="CreateServer">Creates the launcher (one per start; the port stays the same).</param>
/// <param name="Description">What runs, for the console.</param>
public sealed record ServerLaunchSpec(string ResourceName, int ReplicaIndex, Func<LocalServer> CreateServer, string Description) : LaunchSpec(ResourceName, ReplicaIndex)
{
    /// <summary>The resource's output buffer; the server's lines are copied into it.</summary>
    public ProcessOutputBuffer? Output { get; init; }

    /// <inheritdoc />
    public override string Describe() => Description;
}
