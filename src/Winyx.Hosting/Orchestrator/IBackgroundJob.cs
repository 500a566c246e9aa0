namespace Winyx.Hosting.Orchestrator;

/// <summary>
/// A resource that runs inside the AppHost as a loop (a scheduled backup) rather than as a child
/// process: Running while <see cref="RunAsync"/> runs, stopped by cancelling it.
/// </summary>
public interface IBackgroundJob
{
    /// <summary>What runs, for the console (never a secret).</summary>
    string Description { get; }

    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled (or the job ends on its own).</summary>
    Task RunAsync(CancellationToken cancellationToken);
}
