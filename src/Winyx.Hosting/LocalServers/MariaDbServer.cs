using System.Security.Cryptography;
using System.Text;
using MySqlConnector;
using Winyx.Hosting.Processes;

namespace Winyx.Hosting.LocalServers;

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
    // sun_path holds 108 bytes including the terminator; mariadbd refuses longer socket paths.
    private const int MaxSocketPathBytes = 100;
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
        SocketPath = ChooseSocketPath(DataDirectory);
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

    private List<string> BuildArguments()
    {
        // --no-defaults must come first: it keeps /etc/mysql/*.cnf (the Debian service's settings) out.
        List<string> arguments = ["--no-defaults"];
        if (NativeMethods.IsRoot)
        {
            arguments.Add("--user=root");
        }

        arguments.AddRange([
            $"--datadir={DataDirectory}",
            $"--port={Port}",
            "--bind-address=127.0.0.1",
            $"--socket={SocketPath}",
            $"--pid-file={Path.Combine(DataDirectory, "mariadbd.pid")}",
            "--skip-name-resolve",
            // The size mariadb-install-db created the redo log with: without it the first start
            // rewrites the log to the 96 MB default, which is most of a fresh server's start time.
            "--innodb-log-file-size=8M",
            // Without these the server defaults to latin1.
            "--character-set-server=utf8mb4",
            "--collation-server=utf8mb4_unicode_ci",
        ]);
        if (Options.ErrorLogPath is { } errorLog)
        {
            arguments.Add($"--log-error={Path.GetFullPath(errorLog)}");
        }

        arguments.AddRange(Options.ExtraArguments);
        return arguments;
    }

    private async Task<MySqlConnection> OpenRootAsync(CancellationToken cancellationToken)
    {
        var connection = new MySqlConnection(AdminConnectionString(Options.RootPassword));
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch (MySqlException ex) when (ex.ErrorCode == MySqlErrorCode.AccessDenied)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }

        // A freshly initialised directory has a password-less root; anything else means the
        // directory belongs to another password and we must not guess further.
        connection = new MySqlConnection(AdminConnectionString(string.Empty));
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch (MySqlException ex) when (ex.ErrorCode == MySqlErrorCode.AccessDenied)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException(
                $"root cannot log in to the existing data directory {DataDirectory} with the configured password; " +
                "use the password it was created with, or delete the directory to start afresh.", ex);
        }
    }

    private string AdminConnectionString(string password) => new MySqlConnectionStringBuilder(BuildConnectionString("root", password, null))
    {
        // Set-up connections are one-offs against a server we may stop: keep them out of the pool.
        Pooling = false,
        ConnectionTimeout = 2,
    }.ConnectionString;

    private string BuildConnectionString(string user, string password, string? database) =>
        MariaDbConnectionString.For(Port, user, password, database);

    private static string ChooseSocketPath(string dataDirectory)
    {
        var inDataDirectory = Path.Combine(dataDirectory, "mysqld.sock");
        if (Encoding.UTF8.GetByteCount(inDataDirectory) <= MaxSocketPathBytes)
        {
            return inDataDirectory;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(dataDirectory)))[..12];
        return Path.Combine(Path.GetTempPath(), $"winyx-mysqld-{hash}.sock");
    }
}
