namespace Winyx.Hosting.ApplicationModel;

/// <summary>
/// A Redis server (the Debian package's <c>redis-server</c>), with <c>maxmemory</c> set so memory
/// percentage alerts are defined. Referencing it injects <c>ConnectionStrings__&lt;name&gt;=127.0.0.1:PORT</c>.
/// </summary>
public sealed class RedisResource : ExecutableResource, IResourceWithConnectionString
{
    /// <summary>The name of its TCP endpoint.</summary>
    public const string PrimaryEndpointName = "tcp";

    /// <summary>Creates the resource.</summary>
    public RedisResource(string name)
        : base(name, "redis-server", ".")
    {
    }

    /// <summary>The <c>maxmemory</c> setting, e.g. <c>256mb</c>.</summary>
    public string MaxMemory { get; set; } = "256mb";

    /// <summary>The server's TCP endpoint.</summary>
    public EndpointReference PrimaryEndpoint => new(this, PrimaryEndpointName);

    /// <inheritdoc />
    public ValueTask<string?> GetConnectionStringAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<string?>(PrimaryEndpoint.Allocated.Address);
}
