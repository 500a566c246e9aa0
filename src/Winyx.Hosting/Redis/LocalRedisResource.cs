using Aspire.Hosting.ApplicationModel;

namespace Winyx.Hosting.Redis;

/// <summary>
/// Redis run from the local <c>redis-server</c> (Debian's <c>redis-server</c> package), password
/// protected, with <c>maxmemory</c> set so the memory percentage the alerts read is defined. Its
/// connection string has the shape of Aspire's container Redis: <c>host:port,password=…</c>.
/// </summary>
/// <param name="name">The resource name; also the connection string name.</param>
/// <param name="dataDirectory">Where Redis keeps its files (and its rendered configuration).</param>
/// <param name="password">The password (<c>requirepass</c>).</param>
public sealed class LocalRedisResource(string name, string dataDirectory, ParameterResource password)
    : ExecutableResource(name, "redis-server", dataDirectory), IResourceWithConnectionString
{
    internal const string PrimaryEndpointName = "tcp";

    /// <summary>The data directory.</summary>
    public string DataDirectory { get; } = dataDirectory;

    /// <summary>The password.</summary>
    public ParameterResource PasswordParameter { get; } = password;

    /// <summary><c>maxmemory</c> (default 64mb).</summary>
    public string MaxMemory { get; set; } = "64mb";

    /// <summary><c>maxmemory-policy</c> (default allkeys-lru: a cache evicts rather than refusing writes).</summary>
    public string MaxMemoryPolicy { get; set; } = "allkeys-lru";

    /// <summary>The TCP endpoint.</summary>
    public EndpointReference PrimaryEndpoint => field ??= new(this, PrimaryEndpointName);

    /// <summary>The rendered configuration file (holds the password, so it is user-only).</summary>
    public string ConfigFilePath => Path.Combine(DataDirectory, "redis.conf");

    /// <summary><c>127.0.0.1:port,password=…</c>.</summary>
    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"{PrimaryEndpoint.Property(EndpointProperty.IPV4Host)}:{PrimaryEndpoint.Property(EndpointProperty.Port)},password={PasswordParameter}");
}
