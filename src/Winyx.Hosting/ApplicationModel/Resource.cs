using System.Diagnostics;

namespace Winyx.Hosting.ApplicationModel;

/// <summary>Base class of every resource: a validated name and its annotations.</summary>
[DebuggerDisplay("{GetType().Name,nq} {Name}")]
public abstract class Resource : IResource
{
    /// <summary>Creates a resource after checking that <paramref name="name"/> is a valid model name.</summary>
    protected Resource(string name)
    {
        ModelName.Validate(name);
        Name = name;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public ResourceAnnotationCollection Annotations { get; } = [];

    /// <inheritdoc />
    public override string ToString() => Name;
}
