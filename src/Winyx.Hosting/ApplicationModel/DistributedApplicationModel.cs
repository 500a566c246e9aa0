namespace Winyx.Hosting.ApplicationModel;

/// <summary>The resources of the application, in the order they were added.</summary>
public sealed class DistributedApplicationModel
{
    /// <summary>Wraps the resources.</summary>
    public DistributedApplicationModel(IReadOnlyList<IResource> resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        Resources = resources;
    }

    /// <summary>Every resource.</summary>
    public IReadOnlyList<IResource> Resources { get; }

    /// <summary>The resource named <paramref name="name"/>; throws naming it when unknown.</summary>
    public IResource Find(string name) =>
        Resources.FirstOrDefault(r => r.Name == name)
        ?? throw new ArgumentException($"There is no resource named '{name}'. Known: {string.Join(", ", Resources.Select(r => r.Name))}.", nameof(name));
}
