using MySqlConnector;

namespace Winyx.UserRpc.Data;

/// <summary>
/// The <c>userdb</c> connection string (<c>ConnectionStrings__userdb</c>, as Aspire injects it),
/// validated once at start, plus the variant the health check uses.
/// </summary>
public sealed class UserDbConnectionString
{
    /// <summary>The configuration key, <c>ConnectionStrings:userdb</c>.</summary>
    public const string Name = "userdb";

    private const string ConnectionResetKey = "Connection Reset";

    /// <summary>Parses and checks the configured value.</summary>
    /// <exception cref="InvalidOperationException">The connection string is missing or malformed.</exception>
    public UserDbConnectionString(IConfiguration configuration)
    {
        var value = configuration.GetConnectionString(Name);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException(
                $"Connection string '{Name}' is missing: set ConnectionStrings__{Name} (MySqlConnector format, e.g. " +
                $"\"Server=127.0.0.1;Port=3306;User ID=winyx;Password=...;Database=userdb\").");
        }

        MySqlConnectionStringBuilder builder;
        try
        {
            builder = new MySqlConnectionStringBuilder(value);
        }
        catch (ArgumentException ex)
        {
            // The message names the bad keyword, never the value (which may hold the password).
            throw new InvalidOperationException($"Connection string '{Name}' is malformed: {ex.Message}", ex);
        }

        // MySqlConnector resets a pooled connection's session on every open: a round trip, and work in MariaDB,
        // on every call (bench/RESULTS.md). EF Core leaves no session state to reset; a connection that died
        // with a restarted server is replaced by ReconnectingExecutionStrategy. A configured value is kept.
        if (!builder.ContainsKey(ConnectionResetKey))
        {
            builder.ConnectionReset = false;
        }

        Value = builder.ConnectionString;
        ForHealthCheck = new MySqlConnectionStringBuilder(Value) { Pooling = false, ConnectionTimeout = 3 }.ConnectionString;
    }

    /// <summary>The connection string EF Core uses.</summary>
    public string Value { get; }

    /// <summary>Same server, unpooled, with a short connect timeout.</summary>
    public string ForHealthCheck { get; }
}
