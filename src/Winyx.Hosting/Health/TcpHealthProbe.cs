using System.Net.Sockets;

namespace Winyx.Hosting.Health;

/// <summary>Healthy when a TCP connection to an endpoint succeeds.</summary>
/// <param name="EndpointName">The endpoint to connect to.</param>
public sealed record TcpHealthProbe(string EndpointName) : IHealthProbe
{
    /// <inheritdoc />
    public string Description => $"TCP connect to {EndpointName}";

    /// <inheritdoc />
    public async Task<HealthProbeResult> ProbeAsync(HealthProbeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var endpoint = context.Endpoint(EndpointName);
        using var client = new TcpClient();
        await client.ConnectAsync(endpoint.Host, endpoint.Port, cancellationToken).ConfigureAwait(false);
        return HealthProbeResult.Healthy;
    }
}
