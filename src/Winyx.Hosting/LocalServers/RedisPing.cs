using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Winyx.Hosting.LocalServers;

/// <summary>
/// A dependency-free Redis readiness probe: one inline <c>PING</c> over TCP, true on
/// <c>+PONG</c>. (A loading server answers <c>-LOADING</c>, which counts as not ready.)
/// </summary>
public static class RedisPing
{
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(2);

    /// <summary>True when the Redis server on 127.0.0.1:<paramref name="port"/> answers PONG.</summary>
    public static async Task<bool> PingAsync(int port, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(AttemptTimeout);
        using var client = new TcpClient(AddressFamily.InterNetwork);
        await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token).ConfigureAwait(false);
        var stream = client.GetStream();
        await stream.WriteAsync("PING\r\n"u8.ToArray(), timeout.Token).ConfigureAwait(false);
        var buffer = new byte[64];
        var read = await stream.ReadAsync(buffer, timeout.Token).ConfigureAwait(false);
        return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
    }
}
