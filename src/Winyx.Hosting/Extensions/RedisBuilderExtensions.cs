using Winyx.Hosting.ApplicationModel;
using Winyx.Hosting.Health;
using Winyx.Hosting.LocalServers;
using Winyx.Hosting.Orchestrator;
using Winyx.Hosting.Processes;

namespace Winyx.Hosting;

/// <summary><c>AddRedis</c>: Redis as a local <c>redis-server</c>.</summary>
public static class RedisBuilderExtensions
{
    /// <summary>
    /// Adds Redis (the Debian package's server) on loopback with <c>maxmemory</c> set, so memory
    /// percentage alerts are defined. Healthy when it answers PING. Persistent (append-only) only
    /// with <c>WithDataDirectory()</c>.
    /// </summary>
    /// <example><code>var redis = builder.AddRedis("redis", port: 6379);</code></example>
    public static IResourceBuilder<RedisResource> AddRedis(this IDistributedApplicationBuilder builder, string name, int? port = null, string maxMemory = "256mb")
    {
        ArgumentNullException.ThrowIfNull(builder);
        var redis = new RedisResource(name) { MaxMemory = maxMemory };
        return builder.AddResource(redis)
            .WithEndpoint(RedisResource.PrimaryEndpointName, "tcp", port)
            .WithHealthCheck("ping", new RedisPingProbe(RedisResource.PrimaryEndpointName))
            .WithAnnotation(new InstallHintAnnotation(InstallHints.ForPackage("redis-server")))
            .WithAnnotation(new ServerLaunchAnnotation(context => Task.FromResult<LocalServer>(new RedisServer(
                new RedisServerOptions(context.DataDirectory)
                {
                    Port = context.Endpoint(RedisResource.PrimaryEndpointName).Port,
                    MaxMemory = redis.MaxMemory,
                    Persistent = redis.HasAnnotation<DataDirectoryAnnotation>(),
                    LogFilePath = Path.Combine(context.ExecutionContext.LogDirectory, $"{name}.log"),
                }))));
    }

    private sealed record RedisPingProbe(string EndpointName) : IHealthProbe
    {
        public string Description => $"PING on {EndpointName}";

        public async Task<HealthProbeResult> ProbeAsync(HealthProbeContext context, CancellationToken cancellationToken) =>
            await RedisPing.PingAsync(context.Endpoint(EndpointName).Port, cancellationToken).ConfigureAwait(false)
                ? HealthProbeResult.Healthy
                : HealthProbeResult.Unhealthy("no PONG");
    }
}
