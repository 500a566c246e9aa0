using Winyx.Hosting.MySql;
using System.Security.Cryptography;
using System.Text;
using MySqlConnector;
using Winyx.Hosting.Executables;
using Winyx.Testing.Processes;

namespace Winyx.Testing.LocalServers;

/// <summary>
/// A local MariaDB server (<c>mariadbd</c> from the Debian package) on 127.0.0.1: the data
/// directory is initialised when empty and reused when not, the server is started with utf8mb4
/// defaults, and on every start root's password, the databases, the application users and the
/// exporter user are (re)applied, so a restart with an existing directory is idempotent.
/// </summary>
/// <example>
/// <code>
/// await using var mysql = new MariaDbServer(new(".winyx/mysql", rootPassword) { Port = 3306, Databases = ["userdb"] });
/// await mysql.StartAsync();
/// var connectionString = mysql.GetConnectionString("userdb");
/// </code>
/// </example>
public sealed class MariaDbServer : LocalServer
{
    private static readonly string InstallHint = InstallHints.ForPackage("mariadb-server");

    /// <summary>Creates the server; nothing runs until <see cref="LocalServer.StartAsync"/>.</summary>
    public MariaDbServer(MariaDbServerOptions options)
        : base("mariadb")
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.RootPassword);
        Options = options;
        DataDirectory = Path.GetFullPath(options.DataDirectory);
        Port = options.Port == 0 ? PortAllocator.GetFreePort() : options.Port;
        SocketPath = MariaDbArguments.SocketPath(DataDirectory);
    }

    /// <summary>The options the server was created with.</summary>
    public MariaDbServerOptions Options { get; }

    /// <inheritdoc />
    public override int Port { get; }

    /// <summary>The absolute data directory.</summary>
    public string DataDirectory { get; }

    /// <summary>The Unix socket (in the data directory unless that path is too long for a socket).</summary>
    public string SocketPath { get; }

    /// <summary>A root connection string (MySqlConnector format) without a default database.</summary>
    public string RootConnectionString => GetConnectionString();

    /// <inheritdoc />
    protected override TimeSpan StartTimeout => Options.StartTimeout;

    /// <summary>A root connection string, optionally with a default database.</summary>
    public string GetConnectionString(string? database = null) =>
        BuildConnectionString("root", Options.RootPassword, database);

    /// <summary>A connection string for <paramref name="user"/>, optionally with a default database.</summary>
    public string GetConnectionString(MariaDbUser user, string? database = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        return BuildConnectionString(user.Name, user.Password, database);
    }

    /// <summary>Runs <paramref name="action"/> on a fresh root connection (no pooling).</summary>
    public async Task ExecuteAsRootAsync(Func<MySqlConnection, Task> action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var connection = new MySqlConnection(AdminConnectionString(Options.RootPassword));
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await action(connection).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override async Task PrepareAsync(CancellationToken cancellationToken)
    {
        ExecutableLocator.Require(Options.ServerExecutable, InstallHint);
        await MariaDbDataDirectory.EnsureInitializedAsync(
            DataDirectory, Options.InstallExecutable, Options.ServerExecutable, Options.TemplateCacheDirectory, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override ManagedProcessOptions CreateProcessOptions() => new(Options.ServerExecutable)
    {
        Arguments = BuildArguments(),
        DisplayName = "mariadbd",
        InstallHint = InstallHint,
        LogFilePath = Options.LogFilePath,
        StopTimeout = Options.StopTimeout,
    };

    /// <inheritdoc />
    protected override async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new MySqlConnection(AdminConnectionString(Options.RootPassword));
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (MySqlException ex) when (ex.ErrorCode == MySqlErrorCode.AccessDenied)
        {
            // The server answers; that the password is not set yet is for OnReadyAsync to sort out.
            return true;
        }
    }

    /// <inheritdoc />
    protected override async Task OnReadyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenRootAsync(cancellationToken).ConfigureAwait(false);
        await MariaDbProvisioner.SecureRootAsync(connection, Options.RootPassword, cancellationToken).ConfigureAwait(false);
        await MariaDbProvisioner.ProvisionAsync(
            connection, Options.Databases, Options.Users, Options.ExporterUser, MariaDbProvisioner.LocalHosts, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override string DiagnosticTail()
    {
        if (Options.ErrorLogPath is { } path && File.Exists(path))
        {
            var lines = File.ReadLines(path).TakeLast(25);
            return string.Join('\n', lines);
        }

        return base.DiagnosticTail();
    }

    private List<string> BuildArguments() =>
        [.. MariaDbArguments.Server(DataDirectory, SocketPath, Options.ErrorLogPath), $"--port={Port}", .. Options.ExtraArguments];

    private Task<MySqlConnection> OpenRootAsync(CancellationToken cancellationToken) =>
        MariaDbProvisioner.OpenRootAsync(Port, Options.RootPassword, DataDirectory, cancellationToken);

    private string AdminConnectionString(string password) => MariaDbProvisioner.AdminConnectionString(Port, password);

    private string BuildConnectionString(string user, string password, string? database) =>
        MariaDbConnectionString.For(Port, user, password, database);
}
