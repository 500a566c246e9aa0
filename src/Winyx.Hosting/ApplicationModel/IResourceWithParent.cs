namespace Winyx.Hosting.ApplicationModel;

/// <summary>
/// A resource that lives inside another one (a database inside a server). It is not launched on
/// its own: it runs when its parent runs and is healthy.
/// </summary>
public interface IResourceWithParent : IResource
{
    /// <summary>The resource this one lives in.</summary>
    IResource Parent { get; }
}
