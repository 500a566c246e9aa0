namespace Winyx.Hosting.ApplicationModel;

/// <summary>The redis exporter for <see cref="Redis"/>, scraped as job <c>redis</c>.</summary>
public sealed class RedisExporterResource : ExecutableResource
{
    /// <summary>Creates the resource.</summary>
    public RedisExporterResource(string name, RedisResource redis)
        : base(name, "prometheus-redis-exporter", ".")
    {
        ArgumentNullException.ThrowIfNull(redis);
        Redis = redis;
    }

    /// <summary>The monitored Redis.</summary>
    public RedisResource Redis { get; }
}
