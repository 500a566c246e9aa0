using Winyx.Hosting.ApplicationModel;

namespace Winyx.Hosting;

/// <summary><c>WaitFor</c> and <c>WaitForCompletion</c>: start order.</summary>
public static class WaitBuilderExtensions
{
    /// <summary>
    /// Starts the resource only once <paramref name="dependency"/> is Running and, if it has
    /// health checks, healthy. Fails it (naming the dependency) when the dependency cannot start.
    /// </summary>
    /// <example><code>api.WithReference(redis).WaitFor(redis);</code></example>
    public static IResourceBuilder<T> WaitFor<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> dependency)
        where T : IResourceWithWaitSupport =>
        builder.AddWait(dependency, WaitType.WaitUntilHealthy, 0);

    /// <summary>Starts the resource only once <paramref name="dependency"/> exited with <paramref name="exitCode"/> (a migration job).</summary>
    /// <example><code>api.WaitForCompletion(migrations);</code></example>
    public static IResourceBuilder<T> WaitForCompletion<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> dependency, int exitCode = 0)
        where T : IResourceWithWaitSupport =>
        builder.AddWait(dependency, WaitType.WaitForCompletion, exitCode);

    private static IResourceBuilder<T> AddWait<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> dependency, WaitType type, int exitCode)
        where T : IResourceWithWaitSupport
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(dependency);
        if (ReferenceEquals(builder.Resource, dependency.Resource))
        {
            throw new DistributedApplicationException($"Resource '{builder.Resource.Name}' cannot wait for itself.");
        }

        if (dependency.Resource is ParameterResource)
        {
            throw new DistributedApplicationException($"Resource '{builder.Resource.Name}' cannot wait for parameter '{dependency.Resource.Name}': parameters do not run.");
        }

        return builder.WithAnnotation(new WaitAnnotation(dependency.Resource, type, exitCode));
    }
}
