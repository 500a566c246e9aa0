using System.Globalization;
using MySqlConnector;
using Winyx.Backup.Configuration;

namespace Winyx.Backup.Dumping;

/// <summary>
/// What <c>mariadb-dump</c> connects to, read from a MySqlConnector connection string.
/// <see cref="ToString"/> leaves the password out, so the target can be logged.
/// </summary>
public sealed class DumpTarget
{
    private DumpTarget(string host, uint port, string user, string password, string database)
    {
        Host = host;
        Port = port;
        User = user;
        Password = password;
        Database = database;
    }

    /// <summary>The server's host name or address, or a Unix socket path (starting with <c>/</c>).</summary>
    public string Host { get; }

    /// <summary>The server's TCP port.</summary>
    public uint Port { get; }

    /// <summary>The account that dumps (needs SELECT, SHOW VIEW, TRIGGER and, for routines, SELECT on mysql.proc).</summary>
    public string User { get; }

    /// <summary>Its password: handed to <c>mariadb-dump</c> only in <c>MYSQL_PWD</c>.</summary>
    public string Password { get; }

    /// <summary>The database to dump.</summary>
    public string Database { get; }

    /// <summary>True when <see cref="Host"/> is a Unix socket path (MySqlConnector's convention).</summary>
    public bool IsSocket => Host.StartsWith('/');

    /// <summary>
    /// Parses <paramref name="connectionString"/> (<c>Server=…;Port=…;User ID=…;Password=…;Database=…</c>).
    /// </summary>
    /// <exception cref="FormatException">
    /// It is missing, malformed, or lacks a server, user or database; the message names the key, never the value.
    /// </exception>
    public static DumpTarget Parse(string? connectionString)
    {
        const string Key = UserDbOptions.ConfigurationKey;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new FormatException(
                $"{Key} is missing: set ConnectionStrings__{UserDbOptions.ConnectionStringName} (MySqlConnector format, " +
                "e.g. \"Server=127.0.0.1;Port=3306;User ID=winyx;Password=...;Database=userdb\").");
        }

        MySqlConnectionStringBuilder builder;
        try
        {
            builder = new MySqlConnectionStringBuilder(connectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException)
        {
            // MySqlConnector's message names the bad keyword; the string itself may hold the password.
            throw new FormatException($"{Key} is malformed: {ex.Message}", ex);
        }

        // A failover list ("host1,host2") makes no sense for one dump: the first host is the primary.
        var host = builder.Server.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return new DumpTarget(
            host ?? throw new FormatException($"{Key} names no Server."),
            builder.Port,
            string.IsNullOrEmpty(builder.UserID) ? throw new FormatException($"{Key} names no User ID.") : builder.UserID,
            builder.Password ?? string.Empty,
            string.IsNullOrEmpty(builder.Database) ? throw new FormatException($"{Key} names no Database.") : builder.Database);
    }

    /// <summary><c>user@host:port/database</c>, without the password.</summary>
    public override string ToString() =>
        IsSocket ? $"{User}@{Host}/{Database}" : $"{User}@{Host}:{Port.ToString(CultureInfo.InvariantCulture)}/{Database}";
}
