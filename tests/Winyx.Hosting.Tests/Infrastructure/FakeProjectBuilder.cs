using Winyx.Hosting.ApplicationModel;
using Winyx.Hosting.Orchestrator;

namespace Winyx.Hosting.Tests.Infrastructure;

/// <summary>Pretends every project built; counts the builds.</summary>
internal sealed class FakeProjectBuilder : IProjectBuilder
{
    private int _builds;

    public int Builds => _builds;

    public IReadOnlyList<string> Built { get; private set; } = [];

    public Task<ProjectBuildResult> BuildAsync(IReadOnlyList<ProjectResource> projects, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _builds);
        Built = projects.Select(p => p.Name).ToArray();
        return Task.FromResult(new ProjectBuildResult(true, "built", TimeSpan.Zero));
    }

    public string GetOutputAssembly(ProjectResource project) => Path.Combine(project.ProjectDirectory, "bin", project.AssemblyName + ".dll");
}
