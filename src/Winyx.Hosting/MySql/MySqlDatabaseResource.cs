using Aspire.Hosting.ApplicationModel;

namespace Winyx.Hosting.MySql;

/// <summary>
/// A database of a <see cref="MySqlServerResource"/>. Aspire carries a parent's state to its
/// children only for containers, so this resource publishes its own: Running once it has been
/// provisioned on the server, which is what <c>WaitFor(userdb)</c> waits for.
/// </summary>
/// <param name="name">The resource name; also the connection string name.</param>
/// <param name="databaseName">The database's name on the server.</param>
/// <param name="parent">The server.</param>
public sealed class MySqlDatabaseResource(string name, string databaseName, MySqlServerResource parent)
    : Resource(name), IResourceWithParent<MySqlServerResource>, IResourceWithConnectionString, IResourceWithWaitSupport
{
    /// <summary>The server.</summary>
    public MySqlServerResource Parent { get; } = parent ?? throw new ArgumentNullException(nameof(parent));

    /// <summary>The database's name on the server.</summary>
    public string DatabaseName { get; } = databaseName;

    /// <summary>The server's connection string with <c>Database=…</c>.</summary>
    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"{Parent};Database={DatabaseName}");
}
