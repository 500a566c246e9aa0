using Winyx.Hosting.ApplicationModel;

namespace Winyx.Hosting.Orchestrator;

/// <summary>Builds the model's projects (once, together) and finds their output assemblies.</summary>
public interface IProjectBuilder
{
    /// <summary>Builds <paramref name="projects"/> in one invocation.</summary>
    Task<ProjectBuildResult> BuildAsync(IReadOnlyList<ProjectResource> projects, CancellationToken cancellationToken);

    /// <summary>The assembly to run for <paramref name="project"/>; throws when it was never built.</summary>
    string GetOutputAssembly(ProjectResource project);
}
