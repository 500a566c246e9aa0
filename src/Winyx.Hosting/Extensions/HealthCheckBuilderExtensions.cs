using Winyx.Hosting.ApplicationModel;
using Winyx.Hosting.Health;

namespace Winyx.Hosting;

/// <summary>Health checks: <c>WithHttpHealthCheck</c>, <c>WithTcpHealthCheck</c>, <c>WithCommandHealthCheck</c>.</summary>
public static class HealthCheckBuilderExtensions
{
    /// <summary>Healthy when <c>GET path</c> on the endpoint answers 2xx.</summary>
    /// <example><code>api.WithHttpHealthCheck("/health");</code></example>
    public static IResourceBuilder<T> WithHttpHealthCheck<T>(this IResourceBuilder<T> builder, string path = "/health", string endpointName = "http")
        where T : IResourceWithEndpoints
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        RequireEndpoint(builder, endpointName);
        return builder.WithHealthCheck($"http-{endpointName}", new HttpHealthProbe(endpointName, path.StartsWith('/') ? path : "/" + path));
    }

    /// <summary>Healthy when a TCP connection to the endpoint succeeds.</summary>
    /// <example><code>mysql.WithTcpHealthCheck("tcp");</code></example>
    public static IResourceBuilder<T> WithTcpHealthCheck<T>(this IResourceBuilder<T> builder, string endpointName = "tcp")
        where T : IResourceWithEndpoints
    {
        RequireEndpoint(builder, endpointName);
        return builder.WithHealthCheck($"tcp-{endpointName}", new TcpHealthProbe(endpointName));
    }

    /// <summary>Healthy when a command exits with 0 (arguments built per copy, e.g. with its port).</summary>
    /// <example><code>redis.WithCommandHealthCheck("redis-cli", ctx => ["-p", ctx.Endpoint("tcp").Port.ToString(), "ping"]);</code></example>
    public static IResourceBuilder<T> WithCommandHealthCheck<T>(this IResourceBuilder<T> builder, string fileName, Func<HealthProbeContext, IReadOnlyList<string>> arguments)
        where T : IResource =>
        builder.WithHealthCheck($"command-{Path.GetFileName(fileName)}", new CommandHealthProbe(fileName, arguments));

    /// <summary>Adds any probe.</summary>
    public static IResourceBuilder<T> WithHealthCheck<T>(this IResourceBuilder<T> builder, string name, IHealthProbe probe)
        where T : IResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(probe);
        return builder.WithAnnotation(new HealthCheckAnnotation(name, probe));
    }

    private static void RequireEndpoint<T>(IResourceBuilder<T> builder, string endpointName) where T : IResourceWithEndpoints
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Resource.FindEndpoint(endpointName) is null)
        {
            throw new DistributedApplicationException($"Resource '{builder.Resource.Name}' has no endpoint named '{endpointName}' to health-check; declare it first (WithHttpEndpoint).");
        }
    }
}
