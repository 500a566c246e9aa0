using Winyx.Hosting.ApplicationModel;

namespace Winyx.Hosting.Lifecycle;

/// <summary>
/// Who depends on whom (waits, references, parents). Shutdown stops a resource only after every
/// resource that depends on it has stopped: the reverse of the start order.
/// </summary>
public sealed class DependencyGraph
{
    private readonly Dictionary<IResource, IResource[]> _dependencies;

    /// <summary>Builds the graph of <paramref name="resources"/>; edges to resources outside the set are ignored.</summary>
    public DependencyGraph(IReadOnlyCollection<IResource> resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var known = resources.ToHashSet();
        _dependencies = resources.ToDictionary(r => r, r => DirectDependencies(r).Where(known.Contains).Distinct().ToArray());
    }

    /// <summary>The resources <paramref name="resource"/> waits for, references, or lives in.</summary>
    public static IEnumerable<IResource> DirectDependencies(IResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        foreach (var wait in resource.AnnotationsOf<WaitAnnotation>())
        {
            yield return wait.Resource;
        }

        foreach (var relationship in resource.AnnotationsOf<ResourceRelationshipAnnotation>())
        {
            yield return relationship.Resource;
        }

        if (resource is IResourceWithParent child)
        {
            yield return child.Parent;
        }
    }

    /// <summary>The direct dependencies of <paramref name="resource"/> within the graph.</summary>
    public IReadOnlyList<IResource> DependenciesOf(IResource resource) => _dependencies.GetValueOrDefault(resource) ?? [];

    /// <summary>The resources that depend directly on <paramref name="resource"/>.</summary>
    public IReadOnlyList<IResource> DependentsOf(IResource resource) =>
        _dependencies.Where(kv => kv.Value.Contains(resource)).Select(kv => kv.Key).ToArray();

    /// <summary>
    /// Start layers: layer 0 depends on nothing, layer n on layers below n. Reference cycles
    /// (allowed: two services may call each other) are broken where they close.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<IResource>> Layers()
    {
        var depth = new Dictionary<IResource, int>();
        var visiting = new HashSet<IResource>();
        foreach (var resource in _dependencies.Keys)
        {
            Depth(resource, depth, visiting);
        }

        return depth.GroupBy(kv => kv.Value).OrderBy(g => g.Key).Select(g => (IReadOnlyList<IResource>)g.Select(kv => kv.Key).ToArray()).ToArray();
    }

    /// <summary>The first <c>WaitFor</c> cycle as a path (<c>a → b → a</c>), or null when there is none.</summary>
    public static IReadOnlyList<IResource>? FindWaitCycle(IEnumerable<IResource> resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var state = new Dictionary<IResource, bool>(); // false = on the current path, true = done
        var path = new List<IResource>();
        foreach (var resource in resources)
        {
            if (Visit(resource, state, path) is { } cycle)
            {
                return cycle;
            }
        }

        return null;
    }

    private static List<IResource>? Visit(IResource resource, Dictionary<IResource, bool> state, List<IResource> path)
    {
        if (state.TryGetValue(resource, out var done))
        {
            return done ? null : [.. path.Skip(path.IndexOf(resource)), resource];
        }

        state[resource] = false;
        path.Add(resource);
        foreach (var dependency in resource.AnnotationsOf<WaitAnnotation>().Select(w => w.Resource))
        {
            if (Visit(dependency, state, path) is { } cycle)
            {
                return cycle;
            }
        }

        path.RemoveAt(path.Count - 1);
        state[resource] = true;
        return null;
    }

    private int Depth(IResource resource, Dictionary<IResource, int> depth, HashSet<IResource> visiting)
    {
        if (depth.TryGetValue(resource, out var known))
        {
            return known;
        }

        if (!visiting.Add(resource))
        {
            return 0; // a reference cycle: break it here
        }

        var value = DependenciesOf(resource).Select(d => Depth(d, depth, visiting) + 1).DefaultIfEmpty(0).Max();
        visiting.Remove(resource);
        depth[resource] = value;
        return value;
    }
}
