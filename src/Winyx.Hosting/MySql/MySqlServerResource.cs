using Aspire.Hosting.ApplicationModel;

namespace Winyx.Hosting.MySql;

/// <summary>
/// A MySQL server run as a local MariaDB (<c>mariadbd</c> from Debian's <c>mariadb-server</c>) on
/// a persistent data directory. Its connection string logs in as the application user, never root.
/// </summary>
/// <param name="name">The resource name; also the connection string name.</param>
/// <param name="dataDirectory">The absolute data directory (initialised before the first start).</param>
/// <param name="rootPassword">root's password (set on the first start, used for provisioning only).</param>
/// <param name="password">The application user's password.</param>
/// <param name="exporterPassword">The mysqld exporter user's password.</param>
public sealed class MySqlServerResource(string name, string dataDirectory, ParameterResource rootPassword, ParameterResource password, ParameterResource exporterPassword)
    : ExecutableResource(name, "mariadbd", dataDirectory), IResourceWithConnectionString
{
    internal const string PrimaryEndpointName = "tcp";

    private readonly List<MySqlDatabaseResource> _databases = [];

    /// <summary>The application user services connect as.</summary>
    public string UserName => "winyx";

    /// <summary>The user mysqld_exporter connects as (PROCESS, REPLICATION CLIENT, SELECT, SLAVE MONITOR).</summary>
    public string ExporterUserName => "exporter";

    /// <summary>The data directory.</summary>
    public string DataDirectory { get; } = dataDirectory;

    /// <summary>root's password.</summary>
    public ParameterResource RootPasswordParameter { get; } = rootPassword;

    /// <summary>The application user's password.</summary>
    public ParameterResource PasswordParameter { get; } = password;

    /// <summary>The exporter user's password.</summary>
    public ParameterResource ExporterPasswordParameter { get; } = exporterPassword;

    /// <summary>The server's TCP endpoint.</summary>
    public EndpointReference PrimaryEndpoint => field ??= new(this, PrimaryEndpointName);

    /// <summary>The databases added with <c>AddDatabase</c>.</summary>
    public IReadOnlyList<MySqlDatabaseResource> Databases => _databases;

    /// <summary><c>Server=127.0.0.1;Port=…;User ID=winyx;Password=…</c>, MySqlConnector's format.</summary>
    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create(
            $"Server={PrimaryEndpoint.Property(EndpointProperty.IPV4Host)};Port={PrimaryEndpoint.Property(EndpointProperty.Port)};User ID={UserName};Password={PasswordParameter}");

    /// <summary>
    /// One provisioning at a time: the first start's ResourceReadyEvent and the restart watcher may
    /// both provision, and two at once race on root's password (one sets it while the other still
    /// logs in without it), which failed the first start of a loaded box on 2026-12-03.
    /// </summary>
    internal SemaphoreSlim ProvisioningLock { get; } = new(1, 1);

    internal void AddDatabase(MySqlDatabaseResource database) => _databases.Add(database);
}
