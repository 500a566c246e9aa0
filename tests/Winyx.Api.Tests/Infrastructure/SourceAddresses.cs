using System.Net;

namespace Winyx.Api.Tests.Infrastructure;

/// <summary>
/// Hands out loopback source addresses (127.0.0.10, .11, …): all of 127.0.0.0/8 reaches the API on
/// 127.0.0.1, and each client appears as a different IP to the per-IP login limit.
/// </summary>
public static class SourceAddresses
{
    private static int _next = 10;

    /// <summary>The next unused source address.</summary>
    public static IPAddress Next()
    {
        var n = Interlocked.Increment(ref _next);
        return new IPAddress([127, (byte)(n / 65_536 % 256), (byte)(n / 256 % 256), (byte)(n % 256)]);
    }
}
