using Winyx.Hosting.ApplicationModel;

namespace Winyx.Hosting.Orchestrator;

/// <summary>
/// The resource runs as an <see cref="IBackgroundJob"/> inside the AppHost (see
/// <see cref="RunningJob"/>) instead of as a child process of its own.
/// </summary>
public sealed class JobLaunchAnnotation : IResourceAnnotation
{
    /// <summary>Wraps the factory; <paramref name="requiredCommand"/> is a binary the job runs (Missing without it).</summary>
    public JobLaunchAnnotation(Func<ResourceLaunchContext, JobLog, IBackgroundJob> create, string? requiredCommand = null)
    {
        ArgumentNullException.ThrowIfNull(create);
        Create = create;
        RequiredCommand = requiredCommand;
    }

    /// <summary>Creates the job for one start.</summary>
    public Func<ResourceLaunchContext, JobLog, IBackgroundJob> Create { get; }

    /// <summary>A program the job needs on PATH, or null.</summary>
    public string? RequiredCommand { get; }
}
