using MySqlConnector;
using Testcontainers.MySql;
using Winyx.Hosting.MySql;
using Winyx.Hosting.Redis;
using Winyx.Testing.LocalServers;

namespace Winyx.Testing;

/// <summary>
/// A throwaway MariaDB for a test class (<c>IClassFixture&lt;MariaDbFixture&gt;</c>): database
/// <c>userdb</c> (utf8mb4), an application user and an exporter user, on a free port. Runs the
/// same <see cref="MariaDbServer"/> launcher the AppHost uses, with its data directory built
/// from a cached template; a Testcontainers MariaDB where a Docker engine answers.
/// </summary>
/// <example>
/// <code>
/// public sealed class UserStoreTests(MariaDbFixture db) : IClassFixture&lt;MariaDbFixture&gt;
/// {
///     [Fact]
///     public async Task SavesAUser()
///     {
///         var connectionString = await db.CreateDatabaseAsync(); // a database of its own
///         …
///     }
/// }
/// </code>
/// </example>
public sealed class MariaDbFixture : ServerFixture
{
    /// <summary>The image used where a container engine answers.</summary>
    public const string ContainerImage = "mariadb:10.11";

    /// <summary>The database created up front, as in the fleet.</summary>
    public const string DatabaseName = "userdb";

    private static readonly string[] TestServerArguments =
    [
        // A test server holds a few rows: a small pool starts faster and lets classes run side by side.
        "--innodb-buffer-pool-size=32M",
        // Durability to the OS, not the disk: a graceful stop still keeps everything.
        "--innodb-flush-log-at-trx-commit=2",
        // The default 12 MB temporary tablespace is written out in full on every start.
        "--innodb-temp-data-file-path=ibtmp1:1M:autoextend",
    ];

    private MariaDbServer? _localServer;

    /// <summary>The root password.</summary>
    public string RootPassword { get; } = TestSecrets.NewPassword();

    /// <summary>The application account, with all privileges on <c>userdb</c> and on created databases.</summary>
    public MariaDbUser AppUser { get; } = new("winyx_app", TestSecrets.NewPassword());

    /// <summary>The mysqld_exporter account.</summary>
    public MariaDbUser ExporterUser { get; } = new("winyx_exporter", TestSecrets.NewPassword());

    /// <summary>The application user's connection string to <c>userdb</c> (MySqlConnector format).</summary>
    public string ConnectionString => GetConnectionString(DatabaseName);

    /// <summary>Root's connection string, without a default database.</summary>
    public string RootConnectionString => MariaDbConnectionString.For(Port, "root", RootPassword);

    /// <summary>The local server (its captured output, process), or null when running in a container.</summary>
    public MariaDbServer? LocalServer => _localServer;

    /// <inheritdoc />
    protected override string LocalExecutable => "mariadbd";

    private IReadOnlyList<string> AccountHosts => UsesContainer ? ["%"] : MariaDbProvisioner.LocalHosts;

    /// <summary>The application user's connection string to <paramref name="database"/>.</summary>
    public string GetConnectionString(string database) =>
        MariaDbConnectionString.For(Port, AppUser.Name, AppUser.Password, database);

    /// <summary>
    /// Creates a database (a unique <c>test_…</c> name when none is given) the application user
    /// owns, and returns the application user's connection string to it: per-test isolation.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string? name = null, CancellationToken cancellationToken = default)
    {
        name ??= $"test_{Guid.NewGuid():N}"[..17];
        await using var connection = new MySqlConnection(new MySqlConnectionStringBuilder(RootConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await MariaDbProvisioner.CreateDatabaseAsync(connection, name, AppUser.Name, AccountHosts, cancellationToken).ConfigureAwait(false);

        return GetConnectionString(name);
    }

    private protected override async Task<IServerBackend> StartLocalAsync()
    {
        var directory = TestDirectories.Create("mariadb");
        var server = new MariaDbServer(new MariaDbServerOptions(Path.Combine(directory, "data"), RootPassword)
        {
            Port = Port,
            Databases = [DatabaseName],
            Users = [AppUser],
            ExporterUser = ExporterUser,
            TemplateCacheDirectory = TestDirectories.TemplateCache,
            LogFilePath = Path.Combine(directory, "mariadbd.log"),
            ExtraArguments = TestServerArguments,
            StartTimeout = TimeSpan.FromSeconds(30),
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
        var container = new MySqlBuilder(ContainerImage)
            .WithUsername("root")
            .WithPassword(RootPassword)
            .WithDatabase(DatabaseName)
            .WithPortBinding(Port, 3306)
            .WithCommand("--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci")
            .Build();
        try
        {
            await container.StartAsync().ConfigureAwait(false);
            await using var connection = new MySqlConnection(new MySqlConnectionStringBuilder(RootConnectionString) { Pooling = false }.ConnectionString);
            await connection.OpenAsync().ConfigureAwait(false);
            await MariaDbProvisioner.ProvisionAsync(connection, [DatabaseName], [AppUser], ExporterUser, ["%"]).ConfigureAwait(false);
        }
        catch
        {
            await container.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new ContainerBackend(container);
    }
}
