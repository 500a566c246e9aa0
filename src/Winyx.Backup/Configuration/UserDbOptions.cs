namespace Winyx.Backup.Configuration;

/// <summary>The database to back up: <c>ConnectionStrings:userdb</c>, as Aspire injects it.</summary>
public sealed class UserDbOptions
{
    /// <summary>The connection string's name.</summary>
    public const string ConnectionStringName = "userdb";

    /// <summary>The configuration key, for messages.</summary>
    public const string ConfigurationKey = "ConnectionStrings:" + ConnectionStringName;

    /// <summary>A MySqlConnector connection string (Server, Port, User ID, Password, Database).</summary>
    public string? ConnectionString { get; set; }
}
