using Winyx.Hosting.ApplicationModel;
using Winyx.Hosting.Monitoring;

namespace Winyx.Hosting;

/// <summary><c>AddGrafana</c> and <c>WithProvisioning</c>.</summary>
public static class GrafanaBuilderExtensions
{
    /// <summary>Grafana has no Debian package: what to do when neither its binary nor a container engine is there.</summary>
    public const string InstallHint = "install grafana from https://apt.grafana.com (no Debian 12 package), or start docker or podman";

    /// <summary>
    /// Adds Grafana reading <paramref name="prometheus"/>: a local <c>grafana-server</c>, else the
    /// <c>grafana/grafana</c> container (host network, so it reaches Prometheus on loopback), else
    /// Missing with the install hint. The admin password is a generated parameter.
    /// </summary>
    /// <example><code>builder.AddGrafana("grafana", prometheus, port: 3001).WithProvisioning("../../monitoring/grafana");</code></example>
    public static IResourceBuilder<GrafanaResource> AddGrafana(this IDistributedApplicationBuilder builder, string name, IResourceBuilder<PrometheusResource> prometheus, int? port = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(prometheus);
        var password = builder.AddParameter($"{name}-password", secret: true, generate: true);
        var secretKey = builder.AddParameter($"{name}-secret-key", secret: true, generate: true);
        var grafana = new GrafanaResource(name, password.Resource);
        var source = prometheus.Resource;
        return builder.AddResource(grafana)
            .WithHttpEndpoint(port)
            .WithHttpHealthCheck("/api/health")
            .WithAnnotation(new ResourceRelationshipAnnotation(source, ResourceRelationshipAnnotation.Reference))
            .WithAnnotation(new InstallHintAnnotation(InstallHint))
            .WithAnnotation(new ContainerHostNetworkAnnotation())
            .WithContainerImage("grafana/grafana", "11.3.0")
            .WithEnvironment(context =>
            {
                var env = context.EnvironmentVariables;
                var address = context.Endpoint("http");
                env["GF_SERVER_HTTP_ADDR"] = address.Host;
                env["GF_SERVER_HTTP_PORT"] = address.Port;
                env["GF_SERVER_DOMAIN"] = address.Host;
                env["GF_SERVER_ROOT_URL"] = address.Url + "/";
                env["GF_SERVER_SERVE_FROM_SUB_PATH"] = "false";
                env["GF_SECURITY_COOKIE_SECURE"] = "false";
                env["GF_PATHS_DATA"] = context.DataDirectory;
                env["GRAFANA_ADMIN_PASSWORD"] = password.Resource;
                env["GRAFANA_SECRET_KEY"] = secretKey.Resource;
                env["PROMETHEUS_URL"] = source.FindEndpoint("http")!.Allocated[0].Url;
                env["PROMETHEUS_SCRAPE_INTERVAL"] = PrometheusDuration.Format(new MonitoringTimeScale(context.ExecutionContext.TimeScale).ScrapeInterval);
                if (grafana.ProvisioningDirectory is { } provisioning)
                {
                    env["GF_PATHS_PROVISIONING"] = Path.Combine(provisioning, "provisioning");
                    env["WINYX_GRAFANA_DASHBOARDS"] = Path.Combine(provisioning, "dashboards");
                }
            })
            .WithArgs(context =>
            {
                if (context.Mode == LaunchMode.Process)
                {
                    context.Args.AddRange(["--homepath", "/usr/share/grafana"]);
                    if (grafana.ProvisioningDirectory is { } provisioning)
                    {
                        context.Args.AddRange(["--config", Path.Combine(provisioning, "grafana.ini")]);
                    }
                }

                return Task.CompletedTask;
            });
    }

    /// <summary>
    /// Uses <paramref name="directory"/> (relative to the AppHost): <c>grafana.ini</c>,
    /// <c>provisioning/</c> and <c>dashboards/</c>, mounted at the same paths in container mode.
    /// </summary>
    /// <example><code>grafana.WithProvisioning("../../monitoring/grafana");</code></example>
    public static IResourceBuilder<GrafanaResource> WithProvisioning(this IResourceBuilder<GrafanaResource> builder, string directory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var full = builder.ApplicationBuilder.ExecutionContext.ResolveAppHostPath(directory);
        if (!Directory.Exists(full))
        {
            throw new DistributedApplicationException($"Grafana '{builder.Resource.Name}': no provisioning directory at {full}.");
        }

        builder.Resource.ProvisioningDirectory = full;
        return builder
            .WithAnnotation(new ContainerMountAnnotation(full, full))
            .WithAnnotation(new ContainerMountAnnotation(Path.Combine(full, "grafana.ini"), "/etc/grafana/grafana.ini"));
    }
}
