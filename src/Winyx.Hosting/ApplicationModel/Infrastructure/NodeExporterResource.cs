namespace Winyx.Hosting.ApplicationModel;

/// <summary>The Prometheus node exporter (host CPU, memory, disk), scraped as job <c>node</c>.</summary>
public sealed class NodeExporterResource : ExecutableResource
{
    /// <summary>Creates the resource.</summary>
    public NodeExporterResource(string name)
        : base(name, "prometheus-node-exporter", ".")
    {
    }
}
