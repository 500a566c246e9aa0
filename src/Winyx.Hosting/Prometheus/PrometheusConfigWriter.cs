using Aspire.Hosting.ApplicationModel;
using Winyx.Hosting.Monitoring;

namespace Winyx.Hosting.Prometheus;

/// <summary>
/// Writes Prometheus' configuration from the application model: every resource with a
/// <see cref="MetricsEndpointAnnotation"/> is a target of its job with <c>service=&lt;resource&gt;</c>;
/// the rule files are copied time-compressed beside it, with any <c>--alert-threshold</c> applied.
/// </summary>
internal static class PrometheusConfigWriter
{
    /// <summary>Builds the renderer's model; endpoints must be allocated (Aspire allocates them before starting executables).</summary>
    public static PrometheusConfigModel CreateModel(PrometheusResource prometheus, IEnumerable<IResource> resources, MonitoringTimeScale scale, string environment, IReadOnlyList<string> ruleFiles)
    {
        var labels = new Dictionary<string, string>(prometheus.ExternalLabels, StringComparer.Ordinal);
        labels.TryAdd("environment", environment);
        Uri[] alertmanagers = prometheus.Alertmanager is { } am && am.PrimaryEndpoint.IsAllocated ? [new Uri(am.PrimaryEndpoint.Url + "/")] : [];
        return new PrometheusConfigModel([.. Targets(resources)], labels, alertmanagers, ruleFiles)
        {
            ScrapeInterval = scale.ScrapeInterval,
            EvaluationInterval = scale.EvaluationInterval,
        };
    }

    /// <summary>Compresses the rules into the data directory and writes <c>prometheus.yml</c>.</summary>
    /// <exception cref="InvalidDataException">A rule file cannot be rendered, or a threshold override applies to no rule.</exception>
    public static void Write(PrometheusResource prometheus, IEnumerable<IResource> resources, MonitoringTimeScale scale, string environment, IReadOnlyCollection<AlertThresholdOverride>? thresholds = null)
    {
        var ruleFiles = WriteRules(prometheus, scale, thresholds);
        File.WriteAllText(prometheus.ConfigFilePath, PrometheusConfigRenderer.Render(CreateModel(prometheus, resources, scale, environment, ruleFiles)));
    }

    /// <summary>
    /// Renders the rule files of <see cref="PrometheusResource.RuleDirectories"/> into
    /// <c>&lt;data dir&gt;/rules</c> (replacing what was there), time-compressed and with
    /// <paramref name="thresholds"/> applied; returns their paths.
    /// </summary>
    /// <exception cref="InvalidDataException">A rule file cannot be rendered, or a threshold override applies to no rule.</exception>
    public static IReadOnlyList<string> WriteRules(PrometheusResource prometheus, MonitoringTimeScale scale, IReadOnlyCollection<AlertThresholdOverride>? thresholds = null)
    {
        var sources = prometheus.RuleDirectories
            .SelectMany(d => Directory.EnumerateFiles(d, "*.yml").Concat(Directory.EnumerateFiles(d, "*.yaml")))
            .Order(StringComparer.Ordinal)
            .ToArray();
        var rulesDirectory = Path.Combine(prometheus.DataDirectory, "rules");
        if (Directory.Exists(rulesDirectory))
        {
            Directory.Delete(rulesDirectory, recursive: true);
        }

        return RuleTimeCompressor.CompressFiles(sources, rulesDirectory, scale, thresholds);
    }

    private static IEnumerable<PrometheusScrapeTarget> Targets(IEnumerable<IResource> resources)
    {
        foreach (var resource in resources.OfType<IResourceWithEndpoints>())
        {
            if (resource.Annotations.OfType<MetricsEndpointAnnotation>().LastOrDefault() is not { } metrics)
            {
                continue;
            }

            var endpoint = resource.GetEndpoint(metrics.EndpointName);
            if (endpoint.IsAllocated)
            {
                yield return PrometheusScrapeTarget.ForService(metrics.Job, $"127.0.0.1:{endpoint.Port}", resource.Name) with { MetricsPath = metrics.Path };
            }
        }
    }
}
