using Winyx.Hosting.ApplicationModel;

namespace Winyx.Hosting;

/// <summary><c>AddContainer</c>: an image run through docker or podman where an engine answers.</summary>
public static class ContainerResourceBuilderExtensions
{
    /// <summary>Adds a container; without a container engine it shows as Missing and the rest still starts.</summary>
    /// <example><code>builder.AddContainer("cache", "redis", "7.0").WithContainerEndpoint("tcp", 6379, port: 6380);</code></example>
    public static IResourceBuilder<ContainerResource> AddContainer(this IDistributedApplicationBuilder builder, string name, string image, string tag = "latest")
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(image);
        return builder.AddResource(new ContainerResource(name)).WithAnnotation(new ContainerImageAnnotation(image, tag));
    }

    /// <summary>
    /// Sets the image a resource falls back to when its local binary is missing (or the image of a container).
    /// </summary>
    /// <example><code>builder.AddGrafana("grafana").WithContainerImage("grafana/grafana", "11.3.0");</code></example>
    public static IResourceBuilder<T> WithContainerImage<T>(this IResourceBuilder<T> builder, string image, string tag = "latest")
        where T : IResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithAnnotation(new ContainerImageAnnotation(image, tag));
    }

    /// <summary>Declares an endpoint mapped to <paramref name="targetPort"/> inside the container.</summary>
    public static IResourceBuilder<T> WithContainerEndpoint<T>(this IResourceBuilder<T> builder, string name, int targetPort, int? port = null, string scheme = "tcp")
        where T : IResourceWithEndpoints
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithEndpoint(name, scheme, port).WithAnnotation(new ContainerPortAnnotation(name, targetPort));
    }
}
