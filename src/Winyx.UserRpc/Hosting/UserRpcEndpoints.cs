using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Winyx.UserRpc.Hosting;

/// <summary>
/// Kestrel endpoints: gRPC over cleartext HTTP/2 (h2c, prior knowledge) on every address of
/// <c>ASPNETCORE_URLS</c> / <c>--urls</c>, plus an HTTP/1.1 management port (<c>Management:Port</c>)
/// for <c>/metrics</c>, <c>/health</c>, <c>/alive</c> and <c>/admin/chaos</c>.
/// </summary>
/// <remarks>
/// Why two ports: without TLS there is no ALPN, and Kestrel serves a cleartext
/// <c>Http1AndHttp2</c> endpoint as HTTP/1.1 only (dotnet/aspnetcore#56984; a test in
/// Winyx.UserRpc.Tests pins this down). gRPC clients need HTTP/2 and Prometheus scrapes with
/// HTTP/1.1, so neither protocol setting serves both on one cleartext port. Under Aspire the
/// management port is a second endpoint:
/// <c>.WithHttpEndpoint(name: "management", env: "Management__Port")</c>.
/// </remarks>
internal static class UserRpcEndpoints
{
    /// <summary>Configuration key of the HTTP/1.1 management port.</summary>
    public const string ManagementPortKey = "Management:Port";

    /// <summary>The gRPC address when none is configured (DESIGN.md's default port).</summary>
    public const string DefaultGrpcUrl = "http://localhost:8080";

    /// <summary>Binds the gRPC and management endpoints from configuration.</summary>
    /// <exception cref="InvalidOperationException">An address is not a plain <c>http://host:port</c>,
    /// or the management port is out of range or collides with a gRPC port.</exception>
    public static WebApplicationBuilder ConfigureUserRpcEndpoints(this WebApplicationBuilder builder)
    {
        var urls = GrpcUrls(builder.Configuration).ToList();
        var grpcAddresses = urls.Select(ParseHttpUrl).ToList();
        var managementPort = builder.Configuration.GetValue<int?>(ManagementPortKey);
        if (managementPort is int port)
        {
            if (port is < 1 or > 65535 || grpcAddresses.Any(a => a.Port == port))
            {
                throw new InvalidOperationException(
                    $"{ManagementPortKey} must be a port between 1 and 65535 that no gRPC address uses (got {port}).");
            }

            urls.Add($"http://{grpcAddresses[0].Host}:{port}");
        }

        // Kestrel keeps binding the URL list itself (so "localhost", "*" and port 0 mean what they
        // always mean); only the protocol differs per endpoint. Binding with Listen() instead would
        // make Kestrel warn on every start that it overrides ASPNETCORE_URLS.
        builder.WebHost.UseSetting(WebHostDefaults.ServerUrlsKey, string.Join(';', urls));
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(endpoint =>
            endpoint.Protocols = managementPort is not null && endpoint.IPEndPoint?.Port == managementPort
                ? HttpProtocols.Http1
                : HttpProtocols.Http2));
        return builder;
    }

    private static IEnumerable<string> GrpcUrls(IConfiguration configuration)
    {
        var urls = configuration[WebHostDefaults.ServerUrlsKey];
        if (!string.IsNullOrWhiteSpace(urls))
        {
            return urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        // ASPNETCORE_HTTP_PORTS (set by the .NET container images) means every interface.
        var ports = configuration[WebHostDefaults.HttpPortsKey];
        return string.IsNullOrWhiteSpace(ports)
            ? [DefaultGrpcUrl]
            : ports.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => $"http://*:{p}");
    }

    private static (string Host, int Port) ParseHttpUrl(string url)
    {
        BindingAddress address;
        try
        {
            address = BindingAddress.Parse(url);
        }
        catch (FormatException ex)
        {
            throw new InvalidOperationException($"'{url}' is not a valid listen address (expected http://host:port).", ex);
        }

        if (!string.Equals(address.Scheme, "http", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"'{url}': Winyx.UserRpc serves gRPC over cleartext HTTP/2 (h2c); use an http:// address and terminate TLS in front of it.");
        }

        return (address.Host, address.Port);
    }
}
