using System.Globalization;

namespace Winyx.Hosting.ApplicationModel;

/// <summary>
/// A MySQL server (MariaDB from the Debian package locally): utf8mb4, an application user with a
/// generated password, one database per <c>AddDatabase</c>, and the exporter's user and grants.
/// </summary>
public sealed class MySqlServerResource : ExecutableResource, IResourceWithConnectionString
{
    /// <summary>The name of its TCP endpoint.</summary>
    public const string PrimaryEndpointName = "tcp";

    private readonly Dictionary<string, string> _databases = new(StringComparer.Ordinal);

    /// <summary>Creates the server resource.</summary>
    public MySqlServerResource(string name, ParameterResource password, ParameterResource exporterPassword)
        : base(name, "mariadbd", ".")
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(exporterPassword);
        Password = password;
        ExporterPassword = exporterPassword;
    }

    /// <summary>The application user (granted every database of the model).</summary>
    public string UserName => "winyx";

    /// <summary>The application user's password.</summary>
    public ParameterResource Password { get; }

    /// <summary>The monitoring user of the mysqld exporter.</summary>
    public string ExporterUserName => "exporter";

    /// <summary>The monitoring user's password.</summary>
    public ParameterResource ExporterPassword { get; }

    /// <summary>Databases of the model: resource name → database name.</summary>
    public IReadOnlyDictionary<string, string> Databases => _databases;

    /// <summary>The server's TCP endpoint.</summary>
    public EndpointReference PrimaryEndpoint => new(this, PrimaryEndpointName);

    /// <summary>Registers a database; called by <c>AddDatabase</c>.</summary>
    public void AddDatabase(string resourceName, string databaseName) => _databases.Add(resourceName, databaseName);

    /// <inheritdoc />
    public ValueTask<string?> GetConnectionStringAsync(CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<string?>(string.Create(CultureInfo.InvariantCulture,
            $"Server={PrimaryEndpoint.Host};Port={PrimaryEndpoint.Port};User ID={UserName};Password={Password.Value}"));
}
