using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Winyx.Hosting.Redis;

/// <summary>One RESP round trip (optional <c>AUTH</c>, then <c>PING</c>) without a client library.</summary>
public static class RedisPing
{
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(2);

    /// <summary>True when Redis on 127.0.0.1:<paramref name="port"/> answers <c>+PONG</c>.</summary>
    public static async Task<bool> PingAsync(int port, string? password = null, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(AttemptTimeout);
        using var client = new TcpClient(AddressFamily.InterNetwork);
        await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token).ConfigureAwait(false);
        var stream = client.GetStream();
        var request = password is { Length: > 0 } ? $"AUTH {Bulk(password)}\r\nPING\r\n" : "PING\r\n";
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request), timeout.Token).ConfigureAwait(false);
        var received = new StringBuilder();
        var buffer = new byte[256];
        while (!received.ToString().Contains("+PONG", StringComparison.Ordinal) && !received.ToString().Contains("-", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, timeout.Token).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            received.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        return received.ToString().Contains("+PONG", StringComparison.Ordinal);
    }

    // An inline command splits on spaces; a password with one must be quoted.
    private static string Bulk(string value) => $"\"{value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";
}
