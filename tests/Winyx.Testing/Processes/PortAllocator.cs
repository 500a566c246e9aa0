using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Winyx.Testing.Processes;

/// <summary>
/// Free TCP ports on the loopback interface. Ports handed out by <see cref="GetFreePort"/> are
/// remembered for the life of the process, so two callers racing for a port (parallel test
/// classes, replicas) never receive the same one before either has bound it.
/// </summary>
public static class PortAllocator
{
    private static readonly ConcurrentDictionary<int, byte> HandedOut = new();

    /// <summary>True when nothing listens on <paramref name="port"/> at 127.0.0.1 right now.</summary>
    public static bool IsFree(int port)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, IPEndPoint.MaxPort);
        try
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            socket.Listen();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>A port that is free at 127.0.0.1 and was not handed out before by this process.</summary>
    public static int GetFreePort()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var port = AskKernelForPort();
            if (HandedOut.TryAdd(port, 0))
            {
                return port;
            }
        }

        throw new InvalidOperationException("No free TCP port found on 127.0.0.1 after 100 attempts.");
    }

    /// <summary>
    /// <paramref name="preferred"/> when it is free (and not handed out already), else a free
    /// one: how an orchestrator keeps default ports but falls back when one is taken.
    /// </summary>
    public static int GetPreferredOrFreePort(int preferred)
    {
        if (IsFree(preferred) && HandedOut.TryAdd(preferred, 0))
        {
            return preferred;
        }

        return GetFreePort();
    }

    private static int AskKernelForPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
