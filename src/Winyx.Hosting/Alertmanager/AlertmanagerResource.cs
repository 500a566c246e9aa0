using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Winyx.Hosting.Alertmanager;

/// <summary>
/// Alertmanager from Debian's <c>prometheus-alertmanager</c> package, with its configuration
/// rendered from <c>monitoring/alertmanager</c> before each start.
/// </summary>
/// <param name="name">The resource name.</param>
/// <param name="dataDirectory">Where the rendered configuration and the silences/notification log live.</param>
public sealed class AlertmanagerResource(string name, string dataDirectory)
    : ExecutableResource(name, "prometheus-alertmanager", dataDirectory), IResourceWithServiceDiscovery
{
    internal const string PrimaryEndpointName = "http";

    /// <summary>The data directory.</summary>
    public string DataDirectory { get; } = dataDirectory;

    /// <summary>The HTTP endpoint (UI and API).</summary>
    public EndpointReference PrimaryEndpoint => field ??= new(this, PrimaryEndpointName);

    /// <summary>The directory holding <c>alertmanager.yml</c> and its templates; null renders a minimal tree.</summary>
    public string? ConfigDirectory { get; set; }

    /// <summary>The webhook every receiver posts to (with <see cref="WebhookToken"/>), if any.</summary>
    public ReferenceExpression? WebhookUrl { get; set; }

    /// <summary>The bearer token Alertmanager presents to the webhook.</summary>
    public ParameterResource? WebhookToken { get; set; }

    /// <summary>The rendered configuration file (user-only: it may hold secrets).</summary>
    public string ConfigFilePath => Path.Combine(DataDirectory, "alertmanager.yml");
}
