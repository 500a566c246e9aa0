namespace Winyx.Hosting.ApplicationModel;

/// <summary>The Prometheus node exporter (host CPU, memory, disk), scraped as job <c>node</c>.</summary>
public sealed class NodeExporterResource : ExecutableResource
{
    /// <summary>Creates the resource.</summary>
    public NodeExporterResource(string name)
        : base(name, "prometheus-node-exporter", ".")
    {
    }

    /// <summary>The textfile directory <c>WithTextfileDirectory()</c> uses by default, relative to the data root.</summary>
    public const string DefaultTextfileDirectory = "node-exporter-textfile";

    /// <summary>
    /// The directory whose <c>*.prom</c> files the textfile collector exports (relative to the data
    /// root unless absolute), or null for none.
    /// </summary>
    public string? TextfileDirectory { get; set; }
}
