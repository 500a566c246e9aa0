using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Winyx.Hosting.Monitoring;

/// <summary>
/// Renders <c>prometheus.yml</c> from a <see cref="PrometheusConfigModel"/>: global intervals and
/// external labels, the Alertmanagers, the rule files, and one static scrape job per job name
/// with each target's labels. Invalid models fail with a message naming the culprit.
/// </summary>
/// <example>
/// <code>
/// var scale = new MonitoringTimeScale(hosting.TimeScale);
/// var yaml = PrometheusConfigRenderer.Render(new PrometheusConfigModel(
///     [PrometheusScrapeTarget.ForService("api", "127.0.0.1:8888", "api")],
///     new Dictionary&lt;string, string&gt; { ["monitor"] = "winyx-monitor", ["environment"] = "development" },
///     [new Uri("http://127.0.0.1:9093/")],
///     compressedRuleFiles)
/// {
///     ScrapeInterval = scale.ScrapeInterval,
///     EvaluationInterval = scale.EvaluationInterval,
/// });
/// File.WriteAllText(Path.Combine(configDir, "prometheus.yml"), yaml);
/// </code>
/// </example>
public static partial class PrometheusConfigRenderer
{
    private static readonly TimeSpan DefaultScrapeTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Renders the configuration text.</summary>
    /// <exception cref="ArgumentException">The model is invalid (the message says which part).</exception>
    public static string Render(PrometheusConfigModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        ValidateIntervals(model);
        var root = new YamlMappingNode
        {
            { "global", Global(model) },
        };
        if (model.Alertmanagers.Count > 0)
        {
            root.Add("alerting", Alerting(model.Alertmanagers));
        }

        if (model.RuleFiles.Count > 0)
        {
            root.Add("rule_files", new YamlSequenceNode(model.RuleFiles.Select(file => YamlDocuments.Quoted(file))));
        }

        root.Add("scrape_configs", ScrapeConfigs(model.Targets));
        return YamlDocuments.Save(root, "Rendered by Winyx.Hosting's PrometheusConfigRenderer from the application model. Do not edit.");
    }

    private static YamlMappingNode Global(PrometheusConfigModel model)
    {
        var timeout = model.ScrapeTimeout ?? (model.ScrapeInterval < DefaultScrapeTimeout ? model.ScrapeInterval : DefaultScrapeTimeout);
        return new YamlMappingNode
        {
            { "scrape_interval", PrometheusDuration.Format(model.ScrapeInterval) },
            { "scrape_timeout", PrometheusDuration.Format(timeout) },
            { "evaluation_interval", PrometheusDuration.Format(model.EvaluationInterval) },
            { "external_labels", Labels(model.ExternalLabels, "external label") },
        };
    }

    private static YamlMappingNode Alerting(IReadOnlyList<Uri> alertmanagers)
    {
        var configs = new YamlSequenceNode();
        foreach (var url in alertmanagers)
        {
            if (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https"))
            {
                throw new ArgumentException($"Alertmanager URL '{url}' must be an absolute http(s) URL.", nameof(alertmanagers));
            }

            configs.Add(new YamlMappingNode
            {
                { "scheme", url.Scheme },
                { "path_prefix", url.AbsolutePath },
                { "static_configs", new YamlSequenceNode(new YamlMappingNode { { "targets", new YamlSequenceNode(YamlDocuments.Quoted(url.Authority)) } }) },
            });
        }

        return new YamlMappingNode { { "alertmanagers", configs } };
    }

    private static YamlSequenceNode ScrapeConfigs(IReadOnlyList<PrometheusScrapeTarget> targets)
    {
        var jobs = new YamlSequenceNode();
        foreach (var job in targets.GroupBy(target => target.Job, StringComparer.Ordinal))
        {
            var first = job.First();
            ValidateJob(job.Key, job.ToList());
            var staticConfigs = new YamlSequenceNode();
            foreach (var target in job)
            {
                staticConfigs.Add(new YamlMappingNode
                {
                    { "targets", new YamlSequenceNode(YamlDocuments.Quoted(target.Address)) },
                    { "labels", Labels(target.Labels, $"label of target {target.Address} (job {job.Key})") },
                });
            }

            jobs.Add(new YamlMappingNode
            {
                { "job_name", YamlDocuments.Quoted(job.Key) },
                { "metrics_path", YamlDocuments.Quoted(first.MetricsPath) },
                { "scheme", first.Scheme },
                { "static_configs", staticConfigs },
            });
        }

        return jobs;
    }

    private static void ValidateJob(string job, IReadOnlyList<PrometheusScrapeTarget> targets)
    {
        if (string.IsNullOrWhiteSpace(job))
        {
            throw new ArgumentException("A scrape target has an empty job name.", nameof(targets));
        }

        foreach (var target in targets)
        {
            ValidateTarget(job, target);
            if (target.MetricsPath != targets[0].MetricsPath || target.Scheme != targets[0].Scheme)
            {
                throw new ArgumentException(
                    $"Job '{job}' mixes metrics paths or schemes ({targets[0].Scheme}://…{targets[0].MetricsPath} and {target.Scheme}://…{target.MetricsPath}); give each its own job.",
                    nameof(targets));
            }
        }

        var duplicate = targets.GroupBy(target => target.Address, StringComparer.OrdinalIgnoreCase).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Job '{job}' lists target {duplicate.Key} twice.", nameof(targets));
        }
    }

    private static void ValidateTarget(string job, PrometheusScrapeTarget target)
    {
        if (!AddressPattern().IsMatch(target.Address) || !int.TryParse(target.Address[(target.Address.LastIndexOf(':') + 1)..], out var port) || port is < 1 or > 65535)
        {
            throw new ArgumentException($"Target '{target.Address}' of job '{job}' is not host:port.", nameof(target));
        }

        if (!target.MetricsPath.StartsWith('/'))
        {
            throw new ArgumentException($"Metrics path '{target.MetricsPath}' of job '{job}' must start with '/'.", nameof(target));
        }

        if (target.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"Scheme '{target.Scheme}' of job '{job}' must be http or https.", nameof(target));
        }

        if (!target.Labels.TryGetValue("service", out var service) || string.IsNullOrWhiteSpace(service))
        {
            throw new ArgumentException(
                $"Target {target.Address} of job '{job}' has no 'service' label; every target carries service=<resource name>.", nameof(target));
        }
    }

    private static YamlMappingNode Labels(IReadOnlyDictionary<string, string> labels, string what)
    {
        var node = new YamlMappingNode();
        foreach (var (name, value) in labels.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            if (!LabelNamePattern().IsMatch(name) || name.StartsWith("__", StringComparison.Ordinal))
            {
                throw new ArgumentException($"'{name}' is not a valid {what} name ([a-zA-Z_][a-zA-Z0-9_]*, not starting with __).", nameof(labels));
            }

            node.Add(name, YamlDocuments.Quoted(value));
        }

        return node;
    }

    private static void ValidateIntervals(PrometheusConfigModel model)
    {
        if (model.ScrapeInterval <= TimeSpan.Zero || model.EvaluationInterval <= TimeSpan.Zero)
        {
            throw new ArgumentException("Scrape and evaluation intervals must be positive.", nameof(model));
        }

        if (model.ScrapeTimeout is { } timeout && (timeout <= TimeSpan.Zero || timeout > model.ScrapeInterval))
        {
            throw new ArgumentException(
                $"The scrape timeout ({timeout}) must be positive and at most the scrape interval ({model.ScrapeInterval}).", nameof(model));
        }
    }

    // host:port, host:port with an IPv6 literal in brackets; never a URL.
    [GeneratedRegex(@"^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.\-_]+):[0-9]{1,5}$", RegexOptions.CultureInvariant)]
    private static partial Regex AddressPattern();

    [GeneratedRegex("^[a-zA-Z_][a-zA-Z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex LabelNamePattern();
}
