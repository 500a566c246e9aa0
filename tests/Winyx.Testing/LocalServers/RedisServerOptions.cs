using Winyx.Hosting.MySql;
namespace Winyx.Testing.LocalServers;

/// <summary>How to run a local Redis server; see <see cref="RedisServer"/>.</summary>
/// <param name="DataDirectory">Redis's working directory (RDB/AOF files when persistent).</param>
public sealed record RedisServerOptions(string DataDirectory)
{
    /// <summary>The TCP port on 127.0.0.1; 0 picks a free one (kept across restarts).</summary>
    public int Port { get; init; }

    /// <summary>
    /// <c>--maxmemory</c>. Set, so that "memory used as a percentage of the maximum" (the
    /// RedisHighMemory alert) is defined.
    /// </summary>
    public string MaxMemory { get; init; } = "64mb";

    /// <summary><c>--maxmemory-policy</c>: a cache evicts rather than refusing writes.</summary>
    public string MaxMemoryPolicy { get; init; } = "allkeys-lru";

    /// <summary>
    /// True keeps data across restarts (append-only file plus Redis's default snapshots); false
    /// (the default, a pure cache) writes nothing to disk.
    /// </summary>
    public bool Persistent { get; init; }

    /// <summary>A file the server's captured output is appended to, or null.</summary>
    public string? LogFilePath { get; init; }

    /// <summary>More server options, appended after Winyx's.</summary>
    public IReadOnlyList<string> ExtraArguments { get; init; } = [];

    /// <summary>The server binary (name or path).</summary>
    public string ServerExecutable { get; init; } = "redis-server";

    /// <summary>How long a start waits for PONG.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a graceful stop waits before it kills the server.</summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
