using Winyx.Hosting.ApplicationModel;
using Winyx.Hosting.Lifecycle;

namespace Winyx.Hosting.Orchestrator;

/// <summary>
/// Checks the model before anything starts and fails fast naming the culprit: a <c>WaitFor</c>
/// cycle, a reference or wait to a resource that is not in the model, a project whose file does not
/// exist or two resources asking for the same fixed port.
/// </summary>
public static class ModelValidator
{
    /// <summary>Throws <see cref="DistributedApplicationException"/> with every problem found, one per line.</summary>
    public static void Validate(IReadOnlyList<IResource> resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var problems = UnknownTargets(resources)
            .Concat(MissingProjects(resources))
            .Concat(PortClashes(resources))
            .Concat(WaitCycle(resources))
            .ToArray();
        if (problems.Length > 0)
        {
            throw new DistributedApplicationException($"The application model is invalid:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems));
        }
    }

    private static IEnumerable<string> UnknownTargets(IReadOnlyList<IResource> resources)
    {
        var known = resources.ToHashSet();
        foreach (var resource in resources)
        {
            foreach (var target in DependencyGraph.DirectDependencies(resource).Where(t => !known.Contains(t)).Distinct())
            {
                yield return $"'{resource.Name}' references '{target.Name}', which is not a resource of this application (add it with the same builder).";
            }
        }
    }

    private static IEnumerable<string> MissingProjects(IReadOnlyList<IResource> resources) =>
        resources.OfType<ProjectResource>()
            .Where(p => !File.Exists(p.ProjectPath))
            .Select(p => $"project '{p.Name}': no project file at {p.ProjectPath}.");

    private static IEnumerable<string> PortClashes(IReadOnlyList<IResource> resources) =>
        resources
            .SelectMany(r => r.AnnotationsOf<EndpointAnnotation>().Where(e => e.Port is not null).Select(e => (Resource: r, Endpoint: e)))
            .GroupBy(x => x.Endpoint.Port!.Value)
            .Where(g => g.Count() > 1)
            .Select(g => $"port {g.Key} is claimed by {string.Join(" and ", g.Select(x => $"'{x.Resource.Name}' ({x.Endpoint.Name})"))}; give one of them another port.");

    private static IEnumerable<string> WaitCycle(IReadOnlyList<IResource> resources)
    {
        if (DependencyGraph.FindWaitCycle(resources) is { } cycle)
        {
            yield return $"WaitFor cycle: {string.Join(" → ", cycle.Select(r => r.Name))}; nothing in it could ever start.";
        }
    }
}
