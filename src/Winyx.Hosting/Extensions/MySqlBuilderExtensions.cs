using Winyx.Hosting.ApplicationModel;
using Winyx.Hosting.LocalServers;
using Winyx.Hosting.Orchestrator;
using Winyx.Hosting.Processes;

namespace Winyx.Hosting;

/// <summary><c>AddMySql</c> and <c>AddDatabase</c>: MySQL as a local MariaDB.</summary>
public static class MySqlBuilderExtensions
{
    /// <summary>
    /// Adds a MySQL server run as a local MariaDB (utf8mb4) on a persistent data directory, with an
    /// application user (<c>winyx</c>) and the exporter's user, both with generated passwords kept
    /// under <c>.winyx/</c>. Healthy when it accepts TCP connections.
    /// </summary>
    /// <example><code>var userdb = builder.AddMySql("mysql", port: 3306).AddDatabase("userdb");</code></example>
    public static IResourceBuilder<MySqlServerResource> AddMySql(this IDistributedApplicationBuilder builder, string name, int? port = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var password = builder.AddParameter($"{name}-password", secret: true, generate: true);
        var exporterPassword = builder.AddParameter($"{name}-exporter-password", secret: true, generate: true);
        var secrets = builder.Secrets;
        var server = new MySqlServerResource(name, password.Resource, exporterPassword.Resource);
        return builder.AddResource(server)
            .WithEndpoint(MySqlServerResource.PrimaryEndpointName, "tcp", port)
            .WithDataDirectory()
            .WithTcpHealthCheck(MySqlServerResource.PrimaryEndpointName)
            .WithAnnotation(new InstallHintAnnotation(InstallHints.ForPackage("mariadb-server")))
            .WithAnnotation(new ServerLaunchAnnotation(context => Task.FromResult<LocalServer>(new MariaDbServer(
                new MariaDbServerOptions(context.DataDirectory, secrets.GetOrCreate($"{name}-root-password"))
                {
                    Port = context.Endpoint(MySqlServerResource.PrimaryEndpointName).Port,
                    Databases = [.. server.Databases.Values],
                    Users = [new MariaDbUser(server.UserName, server.Password.Value)],
                    ExporterUser = new MariaDbUser(server.ExporterUserName, server.ExporterPassword.Value),
                    TemplateCacheDirectory = Path.Combine(Path.GetTempPath(), "winyx-cache"),
                    LogFilePath = Path.Combine(context.ExecutionContext.LogDirectory, $"{name}.log"),
                }))));
    }

    /// <summary>
    /// Adds a database of the server (created with utf8mb4 when missing; the application user may
    /// use it). Referencing it injects <c>ConnectionStrings__&lt;name&gt;</c> with the database.
    /// </summary>
    /// <example><code>userrpc.WithReference(userdb).WaitFor(userdb);</code></example>
    public static IResourceBuilder<MySqlDatabaseResource> AddDatabase(this IResourceBuilder<MySqlServerResource> builder, string name, string? databaseName = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var database = new MySqlDatabaseResource(name, databaseName ?? name, builder.Resource);
        var added = builder.ApplicationBuilder.AddResource(database);
        builder.Resource.AddDatabase(name, database.DatabaseName);
        return added;
    }
}
