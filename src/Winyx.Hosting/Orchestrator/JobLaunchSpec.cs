namespace Winyx.Hosting.Orchestrator;

/// <summary>A resource run as an in-process <see cref="IBackgroundJob"/>.</summary>
/// <param name="ResourceName">The resource.</param>
/// <param name="ReplicaIndex">Which copy.</param>
/// <param name="Job">The job (one per start).</param>
public sealed record JobLaunchSpec(string ResourceName, int ReplicaIndex, IBackgroundJob Job) : LaunchSpec(ResourceName, ReplicaIndex)
{
    /// <inheritdoc />
    public override string Describe() => Job.Description;
}
