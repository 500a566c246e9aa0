using MySqlConnector;

namespace Winyx.Hosting.MySql;

/// <summary>MySqlConnector connection strings for a MariaDB server on 127.0.0.1.</summary>
public static class MariaDbConnectionString
{
    /// <summary>
    /// <c>Server=127.0.0.1;Port=…;User ID=…;Password=…;Database=…</c> — the format of Aspire's
    /// <c>ConnectionStrings__&lt;name&gt;</c> for MySQL.
    /// </summary>
    public static string For(int port, string user, string password, string? database = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(port);
        ArgumentException.ThrowIfNullOrEmpty(user);
        ArgumentNullException.ThrowIfNull(password);
        return new MySqlConnectionStringBuilder
        {
            Server = "127.0.0.1",
            Port = (uint)port,
            UserID = user,
            Password = password,
            Database = database ?? string.Empty,
        }.ConnectionString;
    }
}
