using Testcontainers.Redis;
using Winyx.Hosting.MySql;
using Winyx.Hosting.Redis;
using Winyx.Testing.LocalServers;

namespace Winyx.Testing;

/// <summary>
/// A throwaway Redis for a test class (<c>IClassFixture&lt;RedisFixture&gt;</c>) on a free port,
/// with <c>maxmemory 64mb</c> and <c>allkeys-lru</c> like the fleet's. Runs the same
/// <see cref="RedisServer"/> launcher the AppHost uses; a Testcontainers Redis where a Docker
/// engine answers. No persistence: a stop/start empties it, as it would a real cache.
/// </summary>
public sealed class RedisFixture : ServerFixture
{
    /// <summary>The image used where a container engine answers.</summary>
    public const string ContainerImage = "redis:7.0";

    private const string MaxMemory = "64mb";
    private const string MaxMemoryPolicy = "allkeys-lru";

    private RedisServer? _localServer;

    /// <summary>The StackExchange.Redis connection string (<c>127.0.0.1:PORT</c>).</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    /// <summary>The local server (its captured output, process), or null when running in a container.</summary>
    public RedisServer? LocalServer => _localServer;

    /// <inheritdoc />
    protected override string LocalExecutable => "redis-server";

    private protected override async Task<IServerBackend> StartLocalAsync()
    {
        var directory = TestDirectories.Create("redis");
        var server = new RedisServer(new RedisServerOptions(directory)
        {
            Port = Port,
            MaxMemory = MaxMemory,
            MaxMemoryPolicy = MaxMemoryPolicy,
            LogFilePath = Path.Combine(directory, "redis-server.log"),
        });
        var backend = new LocalServerBackend(server, directory);
        try
        {
            await server.StartAsync().ConfigureAwait(false);
        }
        catch
        {
            await backend.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        _localServer = server;
        return backend;
    }

    private protected override async Task<IServerBackend> StartContainerAsync()
    {
        var container = new RedisBuilder(ContainerImage)
            .WithPortBinding(Port, 6379)
            .WithCommand("--maxmemory", MaxMemory, "--maxmemory-policy", MaxMemoryPolicy, "--save", string.Empty, "--appendonly", "no")
            .Build();
        try
        {
            await container.StartAsync().ConfigureAwait(false);
        }
        catch
        {
            await container.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new ContainerBackend(container);
    }
}
