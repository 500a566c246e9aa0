using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Winyx.Hosting.Alertmanager;
using Winyx.Hosting.Configuration;
using Winyx.Hosting.Monitoring;

namespace Winyx.Hosting.Prometheus;

/// <summary><c>AddPrometheus</c>, <c>WithRuleFiles</c>, <c>WithAlertmanager</c>, <c>WithExternalLabel</c>.</summary>
public static class PrometheusBuilderExtensions
{
    /// <summary>
    /// Adds Prometheus on 127.0.0.1 (unproxied). Before each start its configuration is rendered
    /// from the model (targets, rules, Alertmanager) with every timing divided by <c>--time-scale</c>
    /// and every <c>--alert-threshold</c> applied to the rules (an override that applies to no rule
    /// fails the AppHost's start, naming it).
    /// Scraped itself as job <c>prometheus</c>; healthy when <c>/-/ready</c> answers. The dashboard
    /// links its alerts and targets pages.
    /// </summary>
    /// <example><code>builder.AddPrometheus("prometheus", port: 9091).WithRuleFiles("../../monitoring/prometheus/rules");</code></example>
    public static IResourceBuilder<PrometheusResource> AddPrometheus(this IDistributedApplicationBuilder builder, [ResourceName] string name, int? port = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var options = builder.GetWinyxOptions();
        var scale = new MonitoringTimeScale(options.TimeScale);
        var prometheus = new PrometheusResource(name, builder.GetDataDirectory(name));
        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(prometheus, (@event, _) =>
        {
            PrometheusConfigWriter.Write(prometheus, builder.Resources, scale, options.Profile, options.AlertThresholds);
            return Task.CompletedTask;
        });
        if (options.AlertThresholds.Count > 0)
        {
            // A mistyped override must stop the run before anything starts, not leave Prometheus
            // failing to start in a fleet that otherwise looks up.
            builder.Eventing.Subscribe<BeforeStartEvent>((@event, _) =>
            {
                PrometheusConfigWriter.WriteRules(prometheus, scale, options.AlertThresholds);
                return Task.CompletedTask;
            });
        }

        return builder.AddResource(prometheus)
            .WithHttpEndpoint(port: port, name: PrometheusResource.PrimaryEndpointName, isProxied: false)
            .WithArgs(context =>
            {
                context.Args.Add($"--config.file={prometheus.ConfigFilePath}");
                context.Args.Add($"--storage.tsdb.path={Path.Combine(prometheus.DataDirectory, "data")}");
                context.Args.Add(ReferenceExpression.Create($"--web.listen-address=127.0.0.1:{prometheus.PrimaryEndpoint.Property(EndpointProperty.TargetPort)}"));
                context.Args.Add(ReferenceExpression.Create($"--web.external-url={prometheus.PrimaryEndpoint.Property(EndpointProperty.Url)}/"));
                context.Args.Add($"--rules.alert.resend-delay={PrometheusDuration.Format(scale.AlertResendDelay)}");
                context.Args.Add("--web.enable-lifecycle");
            })
            .WithMetricsEndpoint("prometheus")
            .WithHttpHealthCheck("/-/ready")
            .WithIconName("DataHistogram")
            .WithUrlForEndpoint(PrometheusResource.PrimaryEndpointName, url => url.DisplayText = "Prometheus")
            .WithUrl(ReferenceExpression.Create($"{prometheus.PrimaryEndpoint.Property(EndpointProperty.Url)}/alerts"), "Alerts")
            .WithUrl(ReferenceExpression.Create($"{prometheus.PrimaryEndpoint.Property(EndpointProperty.Url)}/targets"), "Targets");
    }

    /// <summary>Loads every <c>*.yml</c>/<c>*.yaml</c> rule file of <paramref name="directory"/> (relative to the AppHost).</summary>
    /// <example><code>prometheus.WithRuleFiles("../../monitoring/prometheus/rules");</code></example>
    public static IResourceBuilder<PrometheusResource> WithRuleFiles(this IResourceBuilder<PrometheusResource> builder, string directory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var full = Path.GetFullPath(directory, builder.ApplicationBuilder.AppHostDirectory);
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
        return builder.WithRelationship(alertmanager.Resource, "Reference");
    }

    /// <summary>
    /// Starts Prometheus only once every resource it scrapes is healthy, so a fleet's start is not
    /// read as an outage: under <c>--time-scale</c> a <c>for: 1m</c> shrinks to seconds, shorter
    /// than the services take to come up.
    /// </summary>
    /// <example><code>prometheus.WaitForScrapeTargets();</code></example>
    public static IResourceBuilder<PrometheusResource> WaitForScrapeTargets(this IResourceBuilder<PrometheusResource> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ApplicationBuilder.Eventing.Subscribe<BeforeStartEvent>((@event, _) =>
        {
            // Targets are known only once the whole model is built, hence at BeforeStart.
            foreach (var target in @event.Model.Resources.Where(r => r != builder.Resource && r.Annotations.OfType<MetricsEndpointAnnotation>().Any()))
            {
                builder.Resource.Annotations.Add(new WaitAnnotation(target, WaitType.WaitUntilHealthy));
            }

            return Task.CompletedTask;
        });
        return builder;
    }

    /// <summary>Sets an external label (the seed's <c>monitor</c> and <c>environment</c> are preset).</summary>
    public static IResourceBuilder<PrometheusResource> WithExternalLabel(this IResourceBuilder<PrometheusResource> builder, string name, string value)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        builder.Resource.ExternalLabels[name] = value;
        return builder;
    }
}
