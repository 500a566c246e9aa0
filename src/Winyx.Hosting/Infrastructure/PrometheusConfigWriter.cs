using Winyx.Hosting.ApplicationModel;
using Winyx.Hosting.Monitoring;

namespace Winyx.Hosting.Infrastructure;

/// <summary>
/// Renders Prometheus's configuration from the model before each start: every resource with a
/// <see cref="MetricsEndpointAnnotation"/> becomes a target (one per replica) of its job with
/// <c>service=&lt;resource&gt;</c>; the rule files are time-compressed by <c>--time-scale</c>.
/// </summary>
public static class PrometheusConfigWriter
{
    /// <summary>The rendered file's path for a launch.</summary>
    public static string ConfigPath(ResourceLaunchContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Path.Combine(context.RunDirectory, "prometheus.yml");
    }

    /// <summary>Builds the renderer's model from the application model.</summary>
    public static PrometheusConfigModel CreateModel(PrometheusResource prometheus, IEnumerable<IResource> resources, DistributedApplicationExecutionContext context, IReadOnlyList<string> ruleFiles)
    {
        ArgumentNullException.ThrowIfNull(prometheus);
        ArgumentNullException.ThrowIfNull(context);
        var scale = new MonitoringTimeScale(context.TimeScale);
        var labels = new Dictionary<string, string>(prometheus.ExternalLabels, StringComparer.Ordinal);
        labels.TryAdd("environment", context.Options.Profile);
        Uri[] alertmanagers = prometheus.Alertmanager?.FindEndpoint("http") is { IsAllocated: true } am ? [new Uri(am.Allocated[0].Url + "/")] : [];
        return new PrometheusConfigModel(Targets(resources).ToArray(), labels, alertmanagers, ruleFiles)
        {
            ScrapeInterval = scale.ScrapeInterval,
            EvaluationInterval = scale.EvaluationInterval,
        };
    }

    /// <summary>Compresses the rule files and writes the configuration; returns its path.</summary>
    public static string Write(PrometheusResource prometheus, IEnumerable<IResource> resources, ResourceLaunchContext launch)
    {
        ArgumentNullException.ThrowIfNull(prometheus);
        ArgumentNullException.ThrowIfNull(launch);
        var scale = new MonitoringTimeScale(launch.ExecutionContext.TimeScale);
        var sources = prometheus.RuleDirectories
            .SelectMany(d => Directory.EnumerateFiles(d, "*.yml").Concat(Directory.EnumerateFiles(d, "*.yaml")))
            .Order(StringComparer.Ordinal)
            .ToArray();
        var rulesDirectory = Path.Combine(launch.RunDirectory, "rules");
        if (Directory.Exists(rulesDirectory))
        {
            Directory.Delete(rulesDirectory, recursive: true);
        }

        var ruleFiles = RuleTimeCompressor.CompressFiles(sources, rulesDirectory, scale);
        var path = ConfigPath(launch);
        File.WriteAllText(path, PrometheusConfigRenderer.Render(CreateModel(prometheus, resources, launch.ExecutionContext, ruleFiles)));
        return path;
    }

    private static IEnumerable<PrometheusScrapeTarget> Targets(IEnumerable<IResource> resources)
    {
        foreach (var resource in resources)
        {
            if (resource.LastAnnotation<MetricsEndpointAnnotation>() is not { } metrics || resource.FindEndpoint(metrics.EndpointName) is not { } endpoint)
            {
                continue;
            }

            foreach (var address in endpoint.Allocated)
            {
                yield return PrometheusScrapeTarget.ForService(metrics.Job, address.Address, resource.Name) with { MetricsPath = metrics.Path };
            }
        }
    }
}
