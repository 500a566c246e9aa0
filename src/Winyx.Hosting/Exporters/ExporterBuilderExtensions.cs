using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Winyx.Hosting.Configuration;
using Winyx.Hosting.Monitoring;
using Winyx.Hosting.MySql;
using Winyx.Hosting.Redis;

namespace Winyx.Hosting.Exporters;

/// <summary>The Prometheus exporters from Debian's packages: node, mysqld and redis.</summary>
public static class ExporterBuilderExtensions
{
    /// <summary>
    /// Adds the node exporter, scraped as job <c>node</c>. The systemd collector is off: it needs a
    /// system bus that a developer box or CI container may lack.
    /// </summary>
    /// <example><code>builder.AddNodeExporter("node-exporter", port: 9100).WithTextfileDirectory();</code></example>
    public static IResourceBuilder<NodeExporterResource> AddNodeExporter(this IDistributedApplicationBuilder builder, [ResourceName] string name, int? port = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var exporter = new NodeExporterResource(name, builder.AppHostDirectory);
        return builder.AddResource(exporter)
            .AsExporter("node", port, "--web.listen-address")
            .WithArgs(context =>
            {
                context.Args.Add("--no-collector.systemd");
                if (exporter.TextfileDirectory is { } directory)
                {
                    context.Args.Add($"--collector.textfile.directory={directory}");
                }
            });
    }

    /// <summary>
    /// Exports the <c>*.prom</c> files of <c>&lt;data dir&gt;/textfiles</c> (or <paramref name="directory"/>)
    /// through the textfile collector: where the backup job writes its metrics.
    /// </summary>
    public static IResourceBuilder<NodeExporterResource> WithTextfileDirectory(this IResourceBuilder<NodeExporterResource> builder, string? directory = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var full = directory is null ? builder.ApplicationBuilder.GetDataDirectory("textfiles") : Path.GetFullPath(directory, builder.ApplicationBuilder.AppHostDirectory);
        Directory.CreateDirectory(full);
        builder.Resource.TextfileDirectory = full;
        return builder;
    }

    /// <summary>
    /// Adds mysqld_exporter for <paramref name="server"/> as its exporter user (the DSN goes in
    /// <c>DATA_SOURCE_NAME</c>, mysqld_exporter 0.14's way), scraped as job <c>mysql</c>; waits for the server.
    /// </summary>
    /// <example><code>builder.AddMySqlExporter("mysql-exporter", mysql, port: 9104);</code></example>
    public static IResourceBuilder<MySqlExporterResource> AddMySqlExporter(this IDistributedApplicationBuilder builder, [ResourceName] string name, IResourceBuilder<MySqlServerResource> server, int? port = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(server);
        var mysql = server.Resource;
        return builder.AddResource(new MySqlExporterResource(name, mysql, builder.AppHostDirectory))
            .AsExporter("mysql", port, "--web.listen-address")
            .WithEnvironment("DATA_SOURCE_NAME", ReferenceExpression.Create(
                $"{mysql.ExporterUserName}:{mysql.ExporterPasswordParameter}@tcp({mysql.PrimaryEndpoint.Property(EndpointProperty.IPV4Host)}:{mysql.PrimaryEndpoint.Property(EndpointProperty.Port)})/"))
            .WithRelationship(mysql, "Reference")
            .WaitFor(server);
    }

    /// <summary>Adds redis_exporter for <paramref name="redis"/> (its password in <c>REDIS_PASSWORD</c>), scraped as job <c>redis</c>; waits for Redis.</summary>
    /// <example><code>builder.AddRedisExporter("redis-exporter", redis, port: 9121);</code></example>
    public static IResourceBuilder<RedisExporterResource> AddRedisExporter(this IDistributedApplicationBuilder builder, [ResourceName] string name, IResourceBuilder<IResourceWithConnectionString> redis, int? port = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(redis);
        var (endpoint, password) = redis.Resource switch
        {
            LocalRedisResource local => (local.PrimaryEndpoint, local.PasswordParameter),
            RedisResource container => (container.PrimaryEndpoint, container.PasswordParameter),
            _ => throw new DistributedApplicationException($"Redis exporter '{name}': '{redis.Resource.Name}' is not a Redis resource."),
        };
        var exporter = builder.AddResource(new RedisExporterResource(name, redis.Resource, builder.AppHostDirectory))
            .AsExporter("redis", port, "-web.listen-address")
            .WithArgs(context => context.Args.Add(ReferenceExpression.Create(
                $"-redis.addr=redis://{endpoint.Property(EndpointProperty.IPV4Host)}:{endpoint.Property(EndpointProperty.Port)}")))
            .WithRelationship(redis.Resource, "Reference")
            .WaitFor(redis);
        return password is null ? exporter : exporter.WithEnvironment("REDIS_PASSWORD", password);
    }

    // Every exporter: one unproxied HTTP endpoint on 127.0.0.1, scraped under its seed job name,
    // healthy when its landing page answers.
    private static IResourceBuilder<T> AsExporter<T>(this IResourceBuilder<T> builder, string job, int? port, string listenFlag)
        where T : ExecutableResource
    {
        var endpoint = builder.Resource.GetEndpoint("http");
        return builder
            .WithHttpEndpoint(port: port, name: "http", isProxied: false)
            .WithArgs(context => context.Args.Add(ReferenceExpression.Create($"{listenFlag}=127.0.0.1:{endpoint.Property(EndpointProperty.TargetPort)}")))
            .WithMetricsEndpoint(job)
            .WithHttpHealthCheck("/")
            .WithIconName("DataLine");
    }
}
