using Winyx.Hosting.ApplicationModel;

namespace Winyx.Hosting;

/// <summary>How a resource runs: <c>WithReplicas</c>, <c>WithDataDirectory</c>, <c>WithRestartPolicy</c>.</summary>
public static class ResourceOptionsBuilderExtensions
{
    /// <summary>Runs <paramref name="replicas"/> copies, each on its own ports; references list them all (<c>__0</c>, <c>__1</c>, …).</summary>
    /// <example><code>builder.AddProject("api", "../Winyx.Api").WithReplicas(2);</code></example>
    public static IResourceBuilder<ProjectResource> WithReplicas(this IResourceBuilder<ProjectResource> builder, int replicas)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentOutOfRangeException.ThrowIfLessThan(replicas, 1);
        return builder.WithAnnotation(new ReplicaAnnotation(replicas));
    }

    /// <summary>Keeps the resource's data in a persistent directory under the data root (<c>.winyx/</c>).</summary>
    /// <param name="builder">The resource.</param>
    /// <param name="path">Relative to the data root; null for <c>data/&lt;name&gt;</c>.</param>
    /// <example><code>builder.AddMySql("mysql").WithDataDirectory("data/mysql");</code></example>
    public static IResourceBuilder<T> WithDataDirectory<T>(this IResourceBuilder<T> builder, string? path = null)
        where T : IResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (path is not null && (Path.IsPathRooted(path) || path.Split('/', '\\').Contains("..")))
        {
            throw new ArgumentException($"'{path}' must be a relative path inside the data root.", nameof(path));
        }

        return builder.WithAnnotation(new DataDirectoryAnnotation(path));
    }

    /// <summary>How the resource is restarted after it exits on its own (default: on failure, 1 s doubling to 30 s).</summary>
    /// <example><code>worker.WithRestartPolicy(RestartPolicy.Always, TimeSpan.FromSeconds(2));</code></example>
    public static IResourceBuilder<T> WithRestartPolicy<T>(this IResourceBuilder<T> builder, RestartPolicy policy, TimeSpan? initialDelay = null, TimeSpan? maxDelay = null, int maxRestarts = int.MaxValue)
        where T : IResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        var defaults = RestartPolicyAnnotation.Default;
        return builder.WithAnnotation(new RestartPolicyAnnotation(policy, initialDelay ?? defaults.InitialDelay, maxDelay ?? defaults.MaxDelay, maxRestarts));
    }
}
