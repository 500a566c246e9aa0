namespace Winyx.Hosting.ApplicationModel;

/// <summary>Alertmanager with the repository's routing tree and templates, the dashboard's webhook injected.</summary>
public sealed class AlertmanagerResource : ExecutableResource, IResourceWithServiceDiscovery
{
    /// <summary>Creates the resource.</summary>
    public AlertmanagerResource(string name)
        : base(name, "prometheus-alertmanager", ".")
    {
    }

    /// <summary>The directory holding <c>alertmanager.yml</c> and its templates, absolute; null for a minimal config.</summary>
    public string? ConfigDirectory { get; set; }
}
