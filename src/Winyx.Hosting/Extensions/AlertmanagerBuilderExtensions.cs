using Winyx.Hosting.ApplicationModel;
using Winyx.Hosting.Infrastructure;
using Winyx.Hosting.Processes;

namespace Winyx.Hosting;

/// <summary><c>AddAlertmanager</c> and <c>WithConfigDirectory</c>.</summary>
public static class AlertmanagerBuilderExtensions
{
    /// <summary>
    /// Adds Alertmanager: its configuration is rendered at every start with the dashboard's
    /// webhook; no cluster port (<c>--cluster.listen-address=</c>, else it binds 9094 on every
    /// interface). Scraped as job <c>alertmanager</c>; healthy when <c>/-/ready</c> answers.
    /// </summary>
    /// <example><code>builder.AddAlertmanager("alertmanager", port: 9093).WithConfigDirectory("../../monitoring/alertmanager");</code></example>
    public static IResourceBuilder<AlertmanagerResource> AddAlertmanager(this IDistributedApplicationBuilder builder, string name = "alertmanager", int? port = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var alertmanager = new AlertmanagerResource(name);
        var configuration = builder.Configuration;
        return builder.AddResource(alertmanager)
            .WithHttpEndpoint(port)
            .WithMetricsEndpoint("alertmanager")
            .WithHttpHealthCheck("/-/ready")
            .WithAnnotation(new InstallHintAnnotation(InstallHints.ForPackage("prometheus-alertmanager")))
            .WithAnnotation(new BeforeStartAnnotation(context =>
            {
                AlertmanagerConfigWriter.Write(alertmanager, configuration, context);
                return Task.CompletedTask;
            }))
            .WithArgs(context =>
            {
                var address = context.Endpoint("http");
                context.Args.AddRange([
                    $"--config.file={AlertmanagerConfigWriter.ConfigPath(context)}",
                    $"--storage.path={context.DataDirectory}",
                    $"--web.listen-address={address.Address}",
                    $"--web.external-url={address.Url}/",
                    "--cluster.listen-address=",
                ]);
                return Task.CompletedTask;
            });
    }

    /// <summary>Uses <c>alertmanager.yml</c> and its templates from <paramref name="directory"/> (relative to the AppHost).</summary>
    /// <example><code>alertmanager.WithConfigDirectory("../../monitoring/alertmanager");</code></example>
    public static IResourceBuilder<AlertmanagerResource> WithConfigDirectory(this IResourceBuilder<AlertmanagerResource> builder, string directory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var full = builder.ApplicationBuilder.ExecutionContext.ResolveAppHostPath(directory);
        if (!File.Exists(Path.Combine(full, "alertmanager.yml")))
        {
            throw new DistributedApplicationException($"Alertmanager '{builder.Resource.Name}': no alertmanager.yml in {full}.");
        }

        builder.Resource.ConfigDirectory = full;
        return builder;
    }
}
