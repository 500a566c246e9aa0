namespace Winyx.Hosting.ApplicationModel;

/// <summary>A named part of the distributed application: a project, a process, a database, a parameter.</summary>
public interface IResource
{
    /// <summary>The unique name of the resource in the model (lower case, digits and hyphens).</summary>
    string Name { get; }

    /// <summary>What the resource carries: endpoints, environment, waits, health checks and so on.</summary>
    ResourceAnnotationCollection Annotations { get; }
}
