namespace Winyx.Hosting.ApplicationModel;

/// <summary>
/// A container image run through the docker or podman CLI. It runs only where a container engine
/// answers; elsewhere it is shown <c>Missing</c> and the rest of the fleet starts.
/// </summary>
/// <example><code>builder.AddContainer("cache", "redis", "7.0").WithEndpoint("tcp", "tcp", port: 6380, targetPort: 6379);</code></example>
public class ContainerResource : Resource, IResourceWithEnvironment, IResourceWithArgs, IResourceWithServiceDiscovery, IResourceWithWaitSupport
{
    /// <summary>Creates the resource; the image goes into a <see cref="ContainerImageAnnotation"/>.</summary>
    public ContainerResource(string name)
        : base(name)
    {
    }
}
