using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Winyx.Hosting.Configuration;
using Winyx.Hosting.Executables;

namespace Winyx.Hosting.MySql;

/// <summary><c>AddMySql</c> and <c>AddDatabase</c>: MySQL as a local MariaDB executable.</summary>
public static class MySqlBuilderExtensions
{
    /// <summary>
    /// Adds a MySQL server run as a local MariaDB (utf8mb4) on a persistent data directory
    /// (<c>&lt;data dir&gt;/&lt;name&gt;</c>, initialised with <c>mariadb-install-db</c> before the first
    /// start). When it is ready, root's password, the databases, the application user <c>winyx</c>
    /// and the exporter's user are applied, all idempotently. The endpoint is not proxied, so a
    /// stopped server refuses connections at once instead of accepting and hanging.
    /// </summary>
    /// <param name="builder">The application builder.</param>
    /// <param name="name">The resource name (and connection string name).</param>
    /// <param name="port">The port on 127.0.0.1; null picks a free one.</param>
    /// <example><code>var userdb = builder.AddMySql("mysql", port: 3306).AddDatabase("userdb");</code></example>
    public static IResourceBuilder<MySqlServerResource> AddMySql(this IDistributedApplicationBuilder builder, [ResourceName] string name, int? port = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var server = new MySqlServerResource(
            name,
            builder.GetDataDirectory(name),
            builder.AddGeneratedSecret($"{name}-root-password").Resource,
            builder.AddGeneratedSecret($"{name}-password").Resource,
            builder.AddGeneratedSecret($"{name}-exporter-password").Resource);

        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(server, (_, ct) => InitializeDataDirectoryAsync(server, ct));
        builder.Eventing.Subscribe<ResourceReadyEvent>(server, (@event, ct) => ProvisionAsync(server, @event.Services, ct));

        var healthCheckKey = $"{name}_check";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            healthCheckKey, _ => new MySqlServerHealthCheck(server), failureStatus: null, tags: null, timeout: TimeSpan.FromSeconds(3)));

        return builder.AddResource(server)
            .WithEndpoint(port: port, name: MySqlServerResource.PrimaryEndpointName, scheme: "tcp", isProxied: false)
            .WithArgs(context =>
            {
                foreach (var argument in MariaDbArguments.Server(server.DataDirectory, MariaDbArguments.SocketPath(server.DataDirectory)))
                {
                    context.Args.Add(argument);
                }

                context.Args.Add(ReferenceExpression.Create($"--port={server.PrimaryEndpoint.Property(EndpointProperty.TargetPort)}"));
            })
            .WithIconName("DatabaseMultiple")
            .WithHealthCheck(healthCheckKey);
    }

    /// <summary>
    /// Adds a database of the server (utf8mb4; created when missing, the application user may use
    /// it). Referencing it injects <c>ConnectionStrings__&lt;name&gt;</c> with <c>Database=…</c>;
    /// <c>WaitFor</c> on it waits until it has been provisioned.
    /// </summary>
    /// <example><code>userrpc.WithReference(userdb).WaitFor(userdb);</code></example>
    public static IResourceBuilder<MySqlDatabaseResource> AddDatabase(this IResourceBuilder<MySqlServerResource> builder, [ResourceName] string name, string? databaseName = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var database = new MySqlDatabaseResource(name, databaseName ?? name, builder.Resource);
        builder.Resource.AddDatabase(database);

        var healthCheckKey = $"{name}_check";
        builder.ApplicationBuilder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            healthCheckKey, _ => new MySqlDatabaseHealthCheck(database), failureStatus: null, tags: null, timeout: TimeSpan.FromSeconds(3)));
        builder.ApplicationBuilder.Eventing.Subscribe<InitializeResourceEvent>(database, (@event, ct) =>
        {
            // Aspire mirrors a parent's lifecycle onto children only for containers: do it here.
            _ = MirrorServerStateAsync(database, @event.Notifications, @event.Services, ct);
            return Task.CompletedTask;
        });

        return builder.ApplicationBuilder.AddResource(database)
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "MySqlDatabase",
                State = KnownResourceStates.NotStarted,
                Properties = [new("mysql.database", database.DatabaseName)],
            })
            .WithParentRelationship(builder)
            .WithIconName("Database")
            .WithHealthCheck(healthCheckKey);
    }

    private static async Task InitializeDataDirectoryAsync(MySqlServerResource server, CancellationToken cancellationToken)
    {
        ExecutableLocator.Require("mariadbd", InstallHints.ForPackage("mariadb-server"));
        // A pristine template under the user's temp dir makes isolated runs' first start fast.
        var templates = Path.Combine(Path.GetTempPath(), "winyx-cache");
        await MariaDbDataDirectory.EnsureInitializedAsync(server.DataDirectory, "mariadb-install-db", "mariadbd", templates, cancellationToken).ConfigureAwait(false);
    }

    private static async Task ProvisionAsync(MySqlServerResource server, IServiceProvider services, CancellationToken cancellationToken)
    {
        var logger = services.GetRequiredService<ResourceLoggerService>().GetLogger(server);
        var rootPassword = await server.RootPasswordParameter.GetValueAsync(cancellationToken).ConfigureAwait(false) ?? string.Empty;
        await server.ProvisioningLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await ProvisionUnderLockAsync(server, rootPassword, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            server.ProvisioningLock.Release();
        }

        logger.LogInformation("Provisioned {Databases} with users {User} and {Exporter}", string.Join(", ", server.Databases.Select(d => d.DatabaseName)), server.UserName, server.ExporterUserName);
        var notifications = services.GetRequiredService<ResourceNotificationService>();
        foreach (var database in server.Databases)
        {
            await notifications.PublishUpdateAsync(database, s => s with { State = KnownResourceStates.Running, StartTimeStamp = DateTime.UtcNow, StopTimeStamp = null }).ConfigureAwait(false);
        }
    }

    private static async Task ProvisionUnderLockAsync(MySqlServerResource server, string rootPassword, CancellationToken cancellationToken)
    {
        var port = server.PrimaryEndpoint.Port;
        await using (var connection = await MariaDbProvisioner.OpenRootAsync(port, rootPassword, server.DataDirectory, cancellationToken).ConfigureAwait(false))
        {
            await MariaDbProvisioner.SecureRootAsync(connection, rootPassword, cancellationToken).ConfigureAwait(false);
            var user = new MariaDbUser(server.UserName, await server.PasswordParameter.GetValueAsync(cancellationToken).ConfigureAwait(false) ?? string.Empty);
            var exporter = new MariaDbUser(server.ExporterUserName, await server.ExporterPasswordParameter.GetValueAsync(cancellationToken).ConfigureAwait(false) ?? string.Empty);
            await MariaDbProvisioner.ProvisionAsync(
                connection, [.. server.Databases.Select(d => d.DatabaseName)], [user], exporter, MariaDbProvisioner.LocalHosts, cancellationToken).ConfigureAwait(false);
        }
    }

    // Running is published by ProvisionAsync (only a provisioned database is usable); every other
    // state of the server is the database's too, so a stopped server shows a stopped database.
    // Aspire raises ResourceReadyEvent for the first start but not reliably for every restart (a second
    // stop/start, or a start after the server was killed, left the database "Exited" for good): when the
    // server runs again after being down, provision once it answers, which publishes Running.
    private static async Task ProvisionWhenReachableAsync(MySqlServerResource server, IServiceProvider services, ILogger logger, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await ProvisionAsync(server, services, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (MySqlConnector.MySqlException) when (DateTime.UtcNow < deadline)
            {
                // Not accepting connections yet (crash recovery after a kill takes a moment).
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
#pragma warning disable CA1031 // A failed re-provisioning must not take the AppHost down; say so in the resource's log.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogError(ex, "Could not provision {Server} after it started again", server.Name);
                return;
            }
        }
    }

    private static async Task MirrorServerStateAsync(MySqlDatabaseResource database, ResourceNotificationService notifications, IServiceProvider services, CancellationToken cancellationToken)
    {
        var loggers = services.GetRequiredService<ResourceLoggerService>();
        // Down means stopped after running: the first start's Starting is not a restart, and the
        // first start is provisioned by ResourceReadyEvent.
        var hasRun = false;
        var wasDown = false;
        try
        {
            await foreach (var update in notifications.WatchAsync(cancellationToken).ConfigureAwait(false))
            {
                if (update.Resource != database.Parent || update.Snapshot.State?.Text is not { } state)
                {
                    continue;
                }

                if (state != KnownResourceStates.Running)
                {
                    wasDown = hasRun;
                    await notifications.PublishUpdateAsync(database, s => s with { State = update.Snapshot.State, StopTimeStamp = update.Snapshot.StopTimeStamp }).ConfigureAwait(false);
                }
                else if (wasDown)
                {
                    wasDown = false;
                    _ = ProvisionWhenReachableAsync(database.Parent, services, loggers.GetLogger(database), cancellationToken);
                }
                else
                {
                    hasRun = true;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
#pragma warning disable CA1031 // A broken mirror must not take the AppHost down; say so in the resource's log.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            loggers.GetLogger(database).LogError(ex, "Stopped mirroring the state of {Server}", database.Parent.Name);
        }
    }
}
