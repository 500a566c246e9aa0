using System.Text.RegularExpressions;
using MySqlConnector;

namespace Winyx.Hosting.MySql;

/// <summary>
/// The idempotent SQL set-up of a MariaDB server: root password, databases, application users
/// and the exporter user. Every statement can run again on every start. Shared by
/// <see cref="MariaDbServer"/> and the container-based test fixture, so both get the same accounts.
/// </summary>
public static partial class MariaDbProvisioner
{
    /// <summary>The hosts local accounts are created for (TCP from loopback, and the Unix socket).</summary>
    public static readonly IReadOnlyList<string> LocalHosts = ["127.0.0.1", "localhost"];

    /// <summary>
    /// The grants mysqld_exporter needs. On MariaDB 10.5+ SLAVE MONITOR was split out of
    /// REPLICATION CLIENT, which SHOW GRANTS now displays as BINLOG MONITOR.
    /// </summary>
    public const string ExporterGrants = "PROCESS, REPLICATION CLIENT, SELECT, SLAVE MONITOR";

    /// <summary>
    /// Opens a root connection on 127.0.0.1:<paramref name="port"/> with <paramref name="rootPassword"/>,
    /// or, on a freshly initialised directory, with root's empty password (which
    /// <see cref="SecureRootAsync"/> then replaces).
    /// </summary>
    /// <exception cref="InvalidOperationException">The directory belongs to another root password.</exception>
    public static async Task<MySqlConnection> OpenRootAsync(int port, string rootPassword, string dataDirectory, CancellationToken cancellationToken = default)
    {
        var connection = new MySqlConnection(AdminConnectionString(port, rootPassword));
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
        connection = new MySqlConnection(AdminConnectionString(port, string.Empty));
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch (MySqlException ex) when (ex.ErrorCode == MySqlErrorCode.AccessDenied)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException(
                $"root cannot log in to the existing data directory {dataDirectory} with the configured password; " +
                "use the password it was created with, or delete the directory to start afresh.", ex);
        }
    }

    /// <summary>A root connection string for one-off set-up: unpooled (the server may be stopped next) with a short connect timeout.</summary>
    public static string AdminConnectionString(int port, string password) =>
        new MySqlConnectionStringBuilder(MariaDbConnectionString.For(port, "root", password))
        {
            Pooling = false,
            ConnectionTimeout = 2,
        }.ConnectionString;

    /// <summary>
    /// Sets the root password for <c>root@localhost</c> and <c>root@127.0.0.1</c> and drops every
    /// other root or anonymous account (mariadb-install-db leaves password-less ones behind).
    /// </summary>
    public static async Task SecureRootAsync(MySqlConnection connection, string rootPassword, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrEmpty(rootPassword);
        var script = new SqlScript();
        foreach (var host in LocalHosts)
        {
            AddUpsertUser(script, "root", rootPassword, host);
            script.Add($"GRANT ALL PRIVILEGES ON *.* TO {Account("root", host)} WITH GRANT OPTION");
        }

        foreach (var (user, host) in await ListStrayRootAccountsAsync(connection, cancellationToken).ConfigureAwait(false))
        {
            script.Add($"DROP USER IF EXISTS {Account(user, host)}");
        }

        await script.ExecuteAsync(connection, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Creates the databases (utf8mb4), the users with ALL PRIVILEGES on their databases, and the
    /// exporter user, each account for every host in <paramref name="hosts"/>.
    /// </summary>
    public static Task ProvisionAsync(
        MySqlConnection connection,
        IReadOnlyList<string> databases,
        IReadOnlyList<MariaDbUser> users,
        MariaDbUser? exporterUser,
        IReadOnlyList<string> hosts,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var script = new SqlScript();
        foreach (var database in databases)
        {
            script.Add(CreateDatabaseSql(database));
        }

        foreach (var user in users)
        {
            foreach (var host in hosts)
            {
                AddUpsertUser(script, user.Name, user.Password, host);
                foreach (var database in user.Databases ?? databases)
                {
                    script.Add(GrantDatabaseSql(database, user.Name, host));
                }
            }
        }

        if (exporterUser is not null)
        {
            foreach (var host in hosts)
            {
                AddUpsertUser(script, exporterUser.Name, exporterUser.Password, host);
                script.Add($"GRANT {ExporterGrants} ON *.* TO {Account(exporterUser.Name, host)}");
            }
        }

        return script.ExecuteAsync(connection, cancellationToken);
    }

    /// <summary>
    /// Creates <paramref name="database"/> (utf8mb4, unicode collation) when missing and grants
    /// ALL PRIVILEGES on it to <paramref name="user"/> at each of <paramref name="hosts"/>.
    /// </summary>
    public static Task CreateDatabaseAsync(
        MySqlConnection connection,
        string database,
        string? user = null,
        IReadOnlyList<string>? hosts = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var script = new SqlScript();
        script.Add(CreateDatabaseSql(database));
        if (user is not null)
        {
            foreach (var host in hosts ?? LocalHosts)
            {
                script.Add(GrantDatabaseSql(database, user, host));
            }
        }

        return script.ExecuteAsync(connection, cancellationToken);
    }

    private static string CreateDatabaseSql(string database) =>
        $"CREATE DATABASE IF NOT EXISTS {Identifier(database)} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci";

    private static string GrantDatabaseSql(string database, string user, string host) =>
        $"GRANT ALL PRIVILEGES ON {Identifier(database)}.* TO {Account(user, host)}";

    private static void AddUpsertUser(SqlScript script, string user, string password, string host)
    {
        // CREATE … IF NOT EXISTS leaves an existing password alone; ALTER makes a changed one win.
        script.Add($"CREATE USER IF NOT EXISTS {Account(user, host)} IDENTIFIED BY @password", password);
        script.Add($"ALTER USER {Account(user, host)} IDENTIFIED BY @password", password);
    }

    private static async Task<List<(string User, string Host)>> ListStrayRootAccountsAsync(MySqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT User, Host FROM mysql.user WHERE User = '' OR (User = 'root' AND Host NOT IN ('127.0.0.1', 'localhost'))";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var accounts = new List<(string, string)>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            accounts.Add((reader.GetString(0), reader.GetString(1)));
        }

        return accounts;
    }

    // Names are validated, not escaped: a database or user name outside this set is a mistake in
    // the model, and rejecting it beats quoting it into something surprising.
    private static string Identifier(string name) =>
        SafeName().IsMatch(name) ? $"`{name}`" : throw new ArgumentException($"'{name}' is not a valid MariaDB name (letters, digits, underscore; at most 64).", nameof(name));

    private static string Account(string user, string host)
    {
        if (user.Length > 0 && !SafeName().IsMatch(user))
        {
            throw new ArgumentException($"'{user}' is not a valid MariaDB user name (letters, digits, underscore; at most 64).", nameof(user));
        }

        if (!SafeHost().IsMatch(host))
        {
            throw new ArgumentException($"'{host}' is not a valid MariaDB host.", nameof(host));
        }

        return $"'{user}'@'{host}'";
    }

    [GeneratedRegex("^[A-Za-z0-9_]{1,64}$")]
    private static partial Regex SafeName();

    [GeneratedRegex("^[A-Za-z0-9_.:%-]{1,255}$")]
    private static partial Regex SafeHost();
}
