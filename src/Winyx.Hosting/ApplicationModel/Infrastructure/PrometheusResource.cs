namespace Winyx.Hosting.ApplicationModel;

/// <summary>
/// Prometheus with a scrape configuration rendered from the model (every resource with a
/// <see cref="MetricsEndpointAnnotation"/> is a target) and the rule files, time-compressed by
/// <c>--time-scale</c>.
/// </summary>
public sealed class PrometheusResource : ExecutableResource, IResourceWithServiceDiscovery
{
    /// <summary>Creates the resource.</summary>
    public PrometheusResource(string name)
        : base(name, "prometheus", ".")
    {
    }

    /// <summary>Directories of rule files (<c>*.yml</c>, <c>*.yaml</c>), absolute.</summary>
    public IList<string> RuleDirectories { get; } = [];

    /// <summary>
    /// External labels: the seed's <c>monitor="winyx-monitor"</c>; <c>environment</c> is the run's
    /// profile (development or test) unless set here.
    /// </summary>
    public IDictionary<string, string> ExternalLabels { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["monitor"] = "winyx-monitor",
    };

    /// <summary>The Alertmanager that receives alerts, if any.</summary>
    public AlertmanagerResource? Alertmanager { get; set; }

    /// <summary>Production scrape and evaluation interval (divided by the time scale at launch).</summary>
    public TimeSpan ScrapeInterval { get; set; } = TimeSpan.FromSeconds(15);
}
