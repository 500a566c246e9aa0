using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Winyx.Hosting.Configuration;
using Winyx.Hosting.Monitoring;
using Winyx.Hosting.Prometheus;

namespace Winyx.Hosting.Containers;

/// <summary><c>AddGrafana</c>: Grafana as a container (no Debian package exists), provisioned from <c>monitoring/grafana</c>.</summary>
public static class GrafanaBuilderExtensions
{
    /// <summary>
    /// Adds Grafana (<c>grafana/grafana</c>) with the Prometheus datasource and the dashboards of
    /// <paramref name="provisioningDirectory"/> (relative to the AppHost) mounted read-only, the
    /// seed's <c>grafana.ini</c> security settings and a generated admin password. Needs a container
    /// engine: call it only where <see cref="ContainerRuntime.IsAvailable"/>.
    /// </summary>
    /// <example><code>builder.AddGrafana("grafana", prometheus, "../../monitoring/grafana", port: 3001);</code></example>
    public static IResourceBuilder<ContainerResource> AddGrafana(this IDistributedApplicationBuilder builder, [ResourceName] string name, IResourceBuilder<PrometheusResource> prometheus, string provisioningDirectory, int? port = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(prometheus);
        var source = Path.GetFullPath(provisioningDirectory, builder.AppHostDirectory);
        var scale = new MonitoringTimeScale(builder.GetWinyxOptions().TimeScale);
        return builder.AddContainer(name, "grafana/grafana", "11.3.0")
            .WithHttpEndpoint(port: port, targetPort: 3000, name: "http")
            .WithBindMount(Path.Combine(source, "grafana.ini"), "/etc/grafana/grafana.ini", isReadOnly: true)
            .WithBindMount(Path.Combine(source, "provisioning"), "/etc/grafana/provisioning", isReadOnly: true)
            .WithBindMount(Path.Combine(source, "dashboards"), "/var/lib/grafana/dashboards", isReadOnly: true)
            .WithEnvironment("WINYX_GRAFANA_DASHBOARDS", "/var/lib/grafana/dashboards")
            .WithEnvironment("GRAFANA_ADMIN_PASSWORD", builder.AddGeneratedSecret($"{name}-password"))
            .WithEnvironment("GRAFANA_SECRET_KEY", builder.AddGeneratedSecret($"{name}-secret-key"))
            .WithEnvironment("PROMETHEUS_URL", prometheus.Resource.PrimaryEndpoint)
            .WithEnvironment("PROMETHEUS_SCRAPE_INTERVAL", PrometheusDuration.Format(scale.ScrapeInterval))
            .WithHttpHealthCheck("/api/health")
            .WithRelationship(prometheus.Resource, "Reference")
            .WithIconName("ChartMultiple");
    }

    /// <summary>
    /// Adds Jaeger all-in-one (<c>jaegertracing/all-in-one</c>) with its UI and an OTLP gRPC
    /// receiver. Needs a container engine: call it only where <see cref="ContainerRuntime.IsAvailable"/>.
    /// </summary>
    /// <example><code>builder.AddJaeger("jaeger", uiPort: 16686, otlpPort: 4317);</code></example>
    public static IResourceBuilder<ContainerResource> AddJaeger(this IDistributedApplicationBuilder builder, [ResourceName] string name, int? uiPort = null, int? otlpPort = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddContainer(name, "jaegertracing/all-in-one", "1.62.0")
            .WithHttpEndpoint(port: uiPort, targetPort: 16686, name: "http")
            .WithEndpoint(port: otlpPort, targetPort: 4317, name: "otlp", scheme: "http")
            .WithEnvironment("COLLECTOR_OTLP_ENABLED", "true")
            .WithHttpHealthCheck("/")
            .WithIconName("BranchFork");
    }

    /// <summary>
    /// Every project of the model also exports its traces to <paramref name="jaeger"/>'s OTLP
    /// endpoint (<c>Telemetry__Jaeger__Endpoint</c>, read by ServiceDefaults), beside the dashboard.
    /// </summary>
    /// <example><code>builder.AddJaeger("jaeger").ReceivingTracesFromEveryProject();</code></example>
    public static IResourceBuilder<ContainerResource> ReceivingTracesFromEveryProject(this IResourceBuilder<ContainerResource> jaeger)
    {
        ArgumentNullException.ThrowIfNull(jaeger);
        var otlp = jaeger.GetEndpoint("otlp");
        jaeger.ApplicationBuilder.Eventing.Subscribe<BeforeStartEvent>((@event, _) =>
        {
            // Projects are all known only once the model is built, hence at BeforeStart.
            foreach (var project in @event.Model.Resources.OfType<ProjectResource>())
            {
                project.Annotations.Add(new EnvironmentCallbackAnnotation(context =>
                {
                    context.EnvironmentVariables["Telemetry__Jaeger__Endpoint"] = otlp;
                    context.EnvironmentVariables["Telemetry__Jaeger__Protocol"] = "grpc";
                }));
            }

            return Task.CompletedTask;
        });
        return jaeger;
    }
}
