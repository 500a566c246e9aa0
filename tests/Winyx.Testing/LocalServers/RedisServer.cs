using Winyx.Hosting.Redis;
using Winyx.Hosting.MySql;
using Winyx.Hosting.Executables;
using Winyx.Testing.Processes;

namespace Winyx.Testing.LocalServers;

/// <summary>
/// A local Redis server (<c>redis-server</c> from the Debian package) in the foreground on
/// 127.0.0.1, with <c>maxmemory</c> set and persistence off unless asked for.
/// </summary>
/// <example>
/// <code>
/// await using var redis = new RedisServer(new(".winyx/redis") { Port = 6379 });
/// await redis.StartAsync();
/// var connectionString = redis.ConnectionString; // "127.0.0.1:6379"
/// </code>
/// </example>
public sealed class RedisServer : LocalServer
{
    /// <summary>Creates the server; nothing runs until <see cref="LocalServer.StartAsync"/>.</summary>
    public RedisServer(RedisServerOptions options)
        : base("redis")
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        DataDirectory = Path.GetFullPath(options.DataDirectory);
        Port = options.Port == 0 ? PortAllocator.GetFreePort() : options.Port;
    }

    /// <summary>The options the server was created with.</summary>
    public RedisServerOptions Options { get; }

    /// <inheritdoc />
    public override int Port { get; }

    /// <summary>The absolute data directory.</summary>
    public string DataDirectory { get; }

    /// <summary>The StackExchange.Redis connection string, as Aspire injects it: <c>127.0.0.1:PORT</c>.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    /// <inheritdoc />
    protected override TimeSpan StartTimeout => Options.StartTimeout;

    /// <inheritdoc />
    protected override Task PrepareAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(DataDirectory);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    protected override ManagedProcessOptions CreateProcessOptions() => new(Options.ServerExecutable)
    {
        Arguments = BuildArguments(),
        DisplayName = "redis-server",
        InstallHint = InstallHints.ForPackage("redis-server"),
        LogFilePath = Options.LogFilePath,
        StopTimeout = Options.StopTimeout,
    };

    /// <inheritdoc />
    protected override Task<bool> IsReadyAsync(CancellationToken cancellationToken) =>
        RedisPing.PingAsync(Port, password: null, cancellationToken);

    private List<string> BuildArguments()
    {
        List<string> arguments =
        [
            "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--bind", "127.0.0.1",
            "--dir", DataDirectory,
            "--daemonize", "no",
            "--maxmemory", Options.MaxMemory,
            "--maxmemory-policy", Options.MaxMemoryPolicy,
        ];
        arguments.AddRange(Options.Persistent
            ? ["--appendonly", "yes"]
            : ["--save", string.Empty, "--appendonly", "no"]);
        arguments.AddRange(Options.ExtraArguments);
        return arguments;
    }
}
