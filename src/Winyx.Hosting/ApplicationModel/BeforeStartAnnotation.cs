namespace Winyx.Hosting.ApplicationModel;

/// <summary>
/// Work done before every launch of the resource, after its dependencies are ready: render a
/// config file, initialise a data directory.
/// </summary>
public sealed class BeforeStartAnnotation : IResourceAnnotation
{
    /// <summary>Wraps the callback.</summary>
    public BeforeStartAnnotation(Func<ResourceLaunchContext, Task> callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        Callback = callback;
    }

    /// <summary>The callback.</summary>
    public Func<ResourceLaunchContext, Task> Callback { get; }
}
