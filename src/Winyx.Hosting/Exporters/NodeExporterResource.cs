using Aspire.Hosting.ApplicationModel;

namespace Winyx.Hosting.Exporters;

/// <summary>The node exporter (host CPU, memory, disk) from Debian's <c>prometheus-node-exporter</c>.</summary>
/// <param name="name">The resource name.</param>
/// <param name="workingDirectory">Its working directory.</param>
public sealed class NodeExporterResource(string name, string workingDirectory)
    : ExecutableResource(name, "prometheus-node-exporter", workingDirectory)
{
    /// <summary>The textfile collector's directory (<c>*.prom</c> files such as the backup job's), if any.</summary>
    public string? TextfileDirectory { get; set; }
}
