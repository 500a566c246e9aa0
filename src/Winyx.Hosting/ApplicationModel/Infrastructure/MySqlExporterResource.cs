namespace Winyx.Hosting.ApplicationModel;

/// <summary>The mysqld exporter for <see cref="Server"/>, scraped as job <c>mysql</c>.</summary>
public sealed class MySqlExporterResource : ExecutableResource
{
    /// <summary>Creates the resource.</summary>
    public MySqlExporterResource(string name, MySqlServerResource server)
        : base(name, "prometheus-mysqld-exporter", ".")
    {
        ArgumentNullException.ThrowIfNull(server);
        Server = server;
    }

    /// <summary>The monitored server.</summary>
    public MySqlServerResource Server { get; }
}
