using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Winyx.Hosting.Configuration;
using Winyx.Hosting.Containers;

namespace Winyx.Hosting.Redis;

/// <summary><c>AddLocalRedis</c>, <c>AddRedisServer</c> and <c>WithMaxMemory</c>.</summary>
public static class RedisBuilderExtensions
{
    /// <summary>
    /// Redis for Winyx: Aspire's own container Redis (<c>Aspire.Hosting.Redis</c>) when the run
    /// asked for containers (<c>--containers</c>) and an engine answers, else the local
    /// <c>redis-server</c> (<see cref="AddLocalRedis"/>). The connection string has the same shape either way.
    /// </summary>
    /// <example><code>var redis = builder.AddRedisServer("redis", port: 6379);</code></example>
    public static IResourceBuilder<IResourceWithConnectionString> AddRedisServer(this IDistributedApplicationBuilder builder, [ResourceName] string name, int? port = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.GetWinyxOptions().UseContainers && ContainerRuntime.IsAvailable())
        {
            return builder.AddRedis(name, port);
        }

        return builder.AddLocalRedis(name, port);
    }

    /// <summary>
    /// Adds Redis run from the local <c>redis-server</c> on 127.0.0.1, password protected (a
    /// generated secret, kept in a user-only config file rather than on the command line, where
    /// <c>ps</c> and the dashboard would show it), with <c>maxmemory</c> set, no persistence (it
    /// is a cache) and an unproxied endpoint (a stopped Redis refuses connections at once).
    /// </summary>
    /// <example><code>var redis = builder.AddLocalRedis("redis", port: 6379).WithMaxMemory("128mb");</code></example>
    public static IResourceBuilder<LocalRedisResource> AddLocalRedis(this IDistributedApplicationBuilder builder, [ResourceName] string name, int? port = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var redis = new LocalRedisResource(name, builder.GetDataDirectory(name), builder.AddGeneratedSecret($"{name}-password").Resource);
        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(redis, (_, ct) => WriteConfigFileAsync(redis, ct));

        var healthCheckKey = $"{name}_check";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            healthCheckKey, _ => new LocalRedisHealthCheck(redis), failureStatus: null, tags: null, timeout: TimeSpan.FromSeconds(3)));

        return builder.AddResource(redis)
            .WithEndpoint(port: port, name: LocalRedisResource.PrimaryEndpointName, scheme: "tcp", isProxied: false)
            .WithArgs(context =>
            {
                context.Args.Add(redis.ConfigFilePath);
                context.Args.Add("--port");
                context.Args.Add(redis.PrimaryEndpoint.Property(EndpointProperty.TargetPort));
                context.Args.Add("--maxmemory");
                context.Args.Add(redis.MaxMemory);
                context.Args.Add("--maxmemory-policy");
                context.Args.Add(redis.MaxMemoryPolicy);
            })
            .WithIconName("Memory")
            .WithHealthCheck(healthCheckKey);
    }

    /// <summary>Sets <c>maxmemory</c> (e.g. <c>64mb</c>) and optionally the eviction policy.</summary>
    public static IResourceBuilder<LocalRedisResource> WithMaxMemory(this IResourceBuilder<LocalRedisResource> builder, string maxMemory, string? policy = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(maxMemory);
        builder.Resource.MaxMemory = maxMemory;
        builder.Resource.MaxMemoryPolicy = policy ?? builder.Resource.MaxMemoryPolicy;
        return builder;
    }

    private static async Task WriteConfigFileAsync(LocalRedisResource redis, CancellationToken cancellationToken)
    {
        var password = await redis.PasswordParameter.GetValueAsync(cancellationToken).ConfigureAwait(false) ?? string.Empty;
        var lines = new[]
        {
            "# Rendered by Winyx.Hosting before each start. Do not edit: it is rewritten.",
            "bind 127.0.0.1",
            "protected-mode yes",
            "daemonize no",
            $"dir {redis.DataDirectory}",
            "save \"\"",
            "appendonly no",
            $"requirepass \"{password}\"",
        };
        OwnerOnlyFile.WriteAllText(redis.ConfigFilePath, string.Join('\n', lines) + "\n");
    }
}
