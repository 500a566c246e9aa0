namespace Winyx.Hosting.ApplicationModel;

/// <summary>
/// A database inside a <see cref="MySqlServerResource"/>. Referencing it injects
/// <c>ConnectionStrings__&lt;name&gt;</c> in MySqlConnector format, database included.
/// </summary>
public sealed class MySqlDatabaseResource : Resource, IResourceWithParent, IResourceWithConnectionString
{
    /// <summary>Creates the database resource.</summary>
    public MySqlDatabaseResource(string name, string databaseName, MySqlServerResource parent)
        : base(name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databaseName);
        ArgumentNullException.ThrowIfNull(parent);
        DatabaseName = databaseName;
        Parent = parent;
    }

    /// <summary>The database's name on the server.</summary>
    public string DatabaseName { get; }

    /// <summary>The server.</summary>
    public MySqlServerResource Parent { get; }

    IResource IResourceWithParent.Parent => Parent;

    /// <inheritdoc />
    public async ValueTask<string?> GetConnectionStringAsync(CancellationToken cancellationToken = default) =>
        $"{await Parent.GetConnectionStringAsync(cancellationToken).ConfigureAwait(false)};Database={DatabaseName}";
}
