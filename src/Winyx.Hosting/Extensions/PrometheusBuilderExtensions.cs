using Winyx.Hosting.ApplicationModel;
using Winyx.Hosting.Infrastructure;
using Winyx.Hosting.Monitoring;
using Winyx.Hosting.Processes;

namespace Winyx.Hosting;

/// <summary><c>AddPrometheus</c>, <c>WithRuleFiles</c>, <c>WithAlertmanager</c>.</summary>
public static class PrometheusBuilderExtensions
{
    /// <summary>
    /// Adds Prometheus: its scrape configuration is rendered from the model at every start (each
    /// resource with a metrics endpoint is a target of its job with <c>service=&lt;resource&gt;</c>),
    /// with the seed's external labels and intervals compressed by <c>--time-scale</c>. Scraped
    /// itself as job <c>prometheus</c>; healthy when <c>/-/ready</c> answers.
    /// </summary>
    /// <example><code>builder.AddPrometheus("prometheus", port: 9091).WithRuleFiles("../../monitoring/prometheus/rules");</code></example>
    public static IResourceBuilder<PrometheusResource> AddPrometheus(this IDistributedApplicationBuilder builder, string name = "prometheus", int? port = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var prometheus = new PrometheusResource(name);
        return builder.AddResource(prometheus)
            .WithHttpEndpoint(port)
            .WithMetricsEndpoint("prometheus")
            .WithHttpHealthCheck("/-/ready")
            .WithAnnotation(new InstallHintAnnotation(InstallHints.ForPackage("prometheus")))
            .WithAnnotation(new BeforeStartAnnotation(context =>
            {
                PrometheusConfigWriter.Write(prometheus, builder.Resources, context);
                return Task.CompletedTask;
            }))
            .WithArgs(context =>
            {
                var address = context.Endpoint("http");
                var scale = new MonitoringTimeScale(context.ExecutionContext.TimeScale);
                context.Args.AddRange([
                    $"--config.file={PrometheusConfigWriter.ConfigPath(context)}",
                    $"--storage.tsdb.path={context.DataDirectory}",
                    $"--web.listen-address={address.Address}",
                    $"--web.external-url={address.Url}/",
                    $"--rules.alert.resend-delay={PrometheusDuration.Format(scale.AlertResendDelay)}",
                    "--web.enable-lifecycle",
                ]);
                return Task.CompletedTask;
            });
    }

    /// <summary>Loads every <c>*.yml</c>/<c>*.yaml</c> rule file of <paramref name="directory"/> (relative to the AppHost).</summary>
    /// <example><code>prometheus.WithRuleFiles("../../monitoring/prometheus/rules");</code></example>
    public static IResourceBuilder<PrometheusResource> WithRuleFiles(this IResourceBuilder<PrometheusResource> builder, string directory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var full = builder.ApplicationBuilder.ExecutionContext.ResolveAppHostPath(directory);
        if (!Directory.Exists(full))
        {
            throw new DistributedApplicationException($"Prometheus '{builder.Resource.Name}': no rule directory at {full}.");
        }

        builder.Resource.RuleDirectories.Add(full);
        return builder;
    }

    /// <summary>Sends alerts to <paramref name="alertmanager"/>.</summary>
    /// <example><code>prometheus.WithAlertmanager(alertmanager);</code></example>
    public static IResourceBuilder<PrometheusResource> WithAlertmanager(this IResourceBuilder<PrometheusResource> builder, IResourceBuilder<AlertmanagerResource> alertmanager)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(alertmanager);
        builder.Resource.Alertmanager = alertmanager.Resource;
        return builder.WithAnnotation(new ResourceRelationshipAnnotation(alertmanager.Resource, ResourceRelationshipAnnotation.Reference));
    }

    /// <summary>Sets an external label (the seed's <c>monitor</c> and <c>environment</c> are preset).</summary>
    public static IResourceBuilder<PrometheusResource> WithExternalLabel(this IResourceBuilder<PrometheusResource> builder, string name, string value)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Resource.ExternalLabels[name] = value;
        return builder;
    }
}
