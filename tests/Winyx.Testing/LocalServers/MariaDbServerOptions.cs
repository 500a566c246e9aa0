using Winyx.Hosting.MySql;
namespace Winyx.Testing.LocalServers;

/// <summary>How to run a local MariaDB server; see <see cref="MariaDbServer"/>.</summary>
/// <param name="DataDirectory">Where the data lives; initialised when empty, reused when not.</param>
/// <param name="RootPassword">The root password set on first start (and expected afterwards).</param>
public sealed record MariaDbServerOptions(string DataDirectory, string RootPassword)
{
    /// <summary>The TCP port on 127.0.0.1; 0 picks a free one (kept across restarts).</summary>
    public int Port { get; init; }

    /// <summary>Databases created (utf8mb4) when missing.</summary>
    public IReadOnlyList<string> Databases { get; init; } = [];

    /// <summary>Application accounts created or updated on every start.</summary>
    public IReadOnlyList<MariaDbUser> Users { get; init; } = [];

    /// <summary>
    /// The account for mysqld_exporter (granted PROCESS, REPLICATION CLIENT, SELECT, SLAVE MONITOR
    /// on everything), or null for none.
    /// </summary>
    public MariaDbUser? ExporterUser { get; init; }

    /// <summary>
    /// A directory holding a pristine initialised data directory per MariaDB build, copied instead
    /// of running <c>mariadb-install-db</c> each time (about 1.5 s saved per fresh server).
    /// Null initialises directly. Safe to share between processes.
    /// </summary>
    public string? TemplateCacheDirectory { get; init; }

    /// <summary>
    /// The server's error log file (<c>--log-error</c>); null sends it to stderr, where it is
    /// captured into <see cref="LocalServer.Output"/> and <see cref="LogFilePath"/>.
    /// </summary>
    public string? ErrorLogPath { get; init; }

    /// <summary>A file the server's captured stdout/stderr is appended to, or null.</summary>
    public string? LogFilePath { get; init; }

    /// <summary>More server options, appended after Winyx's (for example a smaller buffer pool).</summary>
    public IReadOnlyList<string> ExtraArguments { get; init; } = [];

    /// <summary>The server binary (name or path).</summary>
    public string ServerExecutable { get; init; } = "mariadbd";

    /// <summary>The data-directory initialiser (name or path).</summary>
    public string InstallExecutable { get; init; } = "mariadb-install-db";

    /// <summary>How long a start waits for the server to accept connections.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a graceful stop waits before it kills the server.</summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <inheritdoc />
    public override string ToString() => $"MariaDB on port {Port} in {DataDirectory}"; // never the password
}
