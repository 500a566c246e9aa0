namespace Winyx.Hosting.ApplicationModel;

/// <summary>
/// Grafana, provisioned with the repository's datasource and dashboards. Runs from a local
/// <c>grafana-server</c> binary, else a container, else is shown Missing with the install hint.
/// </summary>
public sealed class GrafanaResource : ExecutableResource, IResourceWithServiceDiscovery
{
    /// <summary>Creates the resource.</summary>
    public GrafanaResource(string name, ParameterResource adminPassword)
        : base(name, "grafana-server", ".")
    {
        ArgumentNullException.ThrowIfNull(adminPassword);
        AdminPassword = adminPassword;
    }

    /// <summary>The admin password.</summary>
    public ParameterResource AdminPassword { get; }

    /// <summary>The provisioning directory (datasources, dashboards), absolute; null for none.</summary>
    public string? ProvisioningDirectory { get; set; }
}
