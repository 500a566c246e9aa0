using Aspire.Hosting.ApplicationModel;
using Winyx.Hosting.MySql;

namespace Winyx.Hosting.Exporters;

/// <summary>mysqld_exporter from Debian's <c>prometheus-mysqld-exporter</c>, as the server's exporter user.</summary>
/// <param name="name">The resource name.</param>
/// <param name="server">The server it watches.</param>
/// <param name="workingDirectory">Its working directory.</param>
public sealed class MySqlExporterResource(string name, MySqlServerResource server, string workingDirectory)
    : ExecutableResource(name, "prometheus-mysqld-exporter", workingDirectory)
{
    /// <summary>The server it watches.</summary>
    public MySqlServerResource Server { get; } = server;
}
