using Aspire.Hosting.ApplicationModel;

namespace Winyx.Hosting.Exporters;

/// <summary>redis_exporter from Debian's <c>prometheus-redis-exporter</c>.</summary>
/// <param name="name">The resource name.</param>
/// <param name="redis">The Redis it watches (local or Aspire's container).</param>
/// <param name="workingDirectory">Its working directory.</param>
public sealed class RedisExporterResource(string name, IResourceWithConnectionString redis, string workingDirectory)
    : ExecutableResource(name, "prometheus-redis-exporter", workingDirectory)
{
    /// <summary>The Redis it watches.</summary>
    public IResourceWithConnectionString Redis { get; } = redis;
}
