using Winyx.Hosting.ApplicationModel;
using Winyx.Hosting.Processes;

namespace Winyx.Hosting;

/// <summary>The Prometheus exporters from the Debian packages: node, mysqld and redis.</summary>
public static class ExporterBuilderExtensions
{
    /// <summary>Adds the node exporter (host CPU, memory, disk), scraped as job <c>node</c>.</summary>
    /// <example><code>builder.AddNodeExporter("node-exporter", port: 9100);</code></example>
    public static IResourceBuilder<NodeExporterResource> AddNodeExporter(this IDistributedApplicationBuilder builder, string name = "node-exporter", int? port = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // The systemd collector needs a system bus that a developer box or CI container may lack.
        return builder.AddResource(new NodeExporterResource(name))
            .AsExporter("node", port)
            .WithArgs(context =>
            {
                context.Args.AddRange([$"--web.listen-address={context.Endpoint("http").Address}", "--no-collector.systemd"]);
                if (context.Resource is NodeExporterResource { TextfileDirectory: { } textfiles })
                {
                    var directory = Path.GetFullPath(Path.Combine(context.ExecutionContext.DataRoot, textfiles));
                    Directory.CreateDirectory(directory);
                    context.Args.Add($"--collector.textfile.directory={directory}");
                }

                return Task.CompletedTask;
            });
    }

    /// <summary>
    /// Exports the <c>*.prom</c> files of <paramref name="directory"/> (relative to the data root;
    /// default <see cref="NodeExporterResource.DefaultTextfileDirectory"/>, where jobs such as
    /// <c>AddMySqlBackup</c> write their metrics) through the textfile collector.
    /// </summary>
    /// <example><code>builder.AddNodeExporter("node-exporter", port: 9100).WithTextfileDirectory();</code></example>
    public static IResourceBuilder<NodeExporterResource> WithTextfileDirectory(this IResourceBuilder<NodeExporterResource> builder, string directory = NodeExporterResource.DefaultTextfileDirectory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        builder.Resource.TextfileDirectory = directory;
        return builder;
    }

    /// <summary>
    /// Adds the mysqld exporter for <paramref name="server"/> (its own monitoring user), scraped as
    /// job <c>mysql</c>; waits for the server.
    /// </summary>
    /// <example><code>builder.AddMySqlExporter("mysql-exporter", mysql, port: 9104);</code></example>
    public static IResourceBuilder<MySqlExporterResource> AddMySqlExporter(this IDistributedApplicationBuilder builder, string name, IResourceBuilder<MySqlServerResource> server, int? port = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(server);
        var mysql = server.Resource;
        return builder.AddResource(new MySqlExporterResource(name, mysql))
            .AsExporter("mysql", port)
            .WithAnnotation(new ResourceRelationshipAnnotation(mysql, ResourceRelationshipAnnotation.Reference))
            .WaitFor(server)
            .WithArgs(context =>
            {
                context.Args.Add($"--web.listen-address={context.Endpoint("http").Address}");
                return Task.CompletedTask;
            })
            .WithEnvironment(context =>
            {
                // mysqld_exporter 0.14 reads its DSN from DATA_SOURCE_NAME (go-sql-driver format).
                var address = mysql.PrimaryEndpoint.Allocated.Address;
                context.EnvironmentVariables["DATA_SOURCE_NAME"] = $"{mysql.ExporterUserName}:{mysql.ExporterPassword.Value}@tcp({address})/";
            });
    }

    /// <summary>Adds the redis exporter for <paramref name="redis"/>, scraped as job <c>redis</c>; waits for Redis.</summary>
    /// <example><code>builder.AddRedisExporter("redis-exporter", redis, port: 9121);</code></example>
    public static IResourceBuilder<RedisExporterResource> AddRedisExporter(this IDistributedApplicationBuilder builder, string name, IResourceBuilder<RedisResource> redis, int? port = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(redis);
        var target = redis.Resource;
        return builder.AddResource(new RedisExporterResource(name, target))
            .AsExporter("redis", port)
            .WithAnnotation(new ResourceRelationshipAnnotation(target, ResourceRelationshipAnnotation.Reference))
            .WaitFor(redis)
            .WithArgs(context =>
            {
                context.Args.AddRange([
                    $"-redis.addr=redis://{target.PrimaryEndpoint.Allocated.Address}",
                    $"-web.listen-address={context.Endpoint("http").Address}",
                ]);
                return Task.CompletedTask;
            });
    }

    // Every exporter: one HTTP endpoint, scraped under its seed job name, healthy when its landing page answers.
    private static IResourceBuilder<T> AsExporter<T>(this IResourceBuilder<T> builder, string job, int? port)
        where T : ExecutableResource =>
        builder
            .WithHttpEndpoint(port)
            .WithMetricsEndpoint(job)
            .WithHttpHealthCheck("/")
            .WithAnnotation(new InstallHintAnnotation(InstallHints.For(builder.Resource.Command) ?? $"install {builder.Resource.Command}"));
}
