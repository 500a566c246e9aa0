using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Winyx.Hosting.Alertmanager;

namespace Winyx.Hosting.Prometheus;

/// <summary>
/// Prometheus from Debian's <c>prometheus</c> package. Its configuration is rendered from the
/// application model before each start: every resource with a metrics endpoint is a target.
/// </summary>
/// <param name="name">The resource name.</param>
/// <param name="dataDirectory">Where the rendered configuration, rules and TSDB live.</param>
public sealed class PrometheusResource(string name, string dataDirectory)
    : ExecutableResource(name, "prometheus", dataDirectory), IResourceWithServiceDiscovery
{
    internal const string PrimaryEndpointName = "http";

    /// <summary>The data directory.</summary>
    public string DataDirectory { get; } = dataDirectory;

    /// <summary>The HTTP endpoint (UI and API).</summary>
    public EndpointReference PrimaryEndpoint => field ??= new(this, PrimaryEndpointName);

    /// <summary>Directories whose <c>*.yml</c>/<c>*.yaml</c> rule files are loaded (time-compressed).</summary>
    public IList<string> RuleDirectories { get; } = [];

    /// <summary>The seed's external labels (<c>monitor</c>, <c>environment</c>) and any added.</summary>
    public IDictionary<string, string> ExternalLabels { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["monitor"] = "winyx-monitor",
    };

    /// <summary>Where alerts are sent, if anywhere.</summary>
    public AlertmanagerResource? Alertmanager { get; set; }

    /// <summary>The rendered configuration file.</summary>
    public string ConfigFilePath => Path.Combine(DataDirectory, "prometheus.yml");
}
