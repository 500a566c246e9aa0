using System.Net.Sockets;

namespace Winyx.Testing;

/// <summary>
/// Whether a Docker engine answers, decided once per test process without throwing: the
/// fixtures use Testcontainers only then (Testcontainers itself throws from <c>Build()</c> when
/// no engine is reachable, and the docker CLI may exist without an engine).
/// </summary>
/// <remarks>
/// Set <c>WINYX_TEST_CONTAINERS=0</c> to force local processes even where an engine exists.
/// The probe is the engine's own <c>GET /_ping</c> over its Unix socket (<c>DOCKER_HOST</c> when
/// it names one, else <c>/var/run/docker.sock</c>) with a two-second budget.
/// </remarks>
public static class DockerEngine
{
    private const string DefaultSocket = "/var/run/docker.sock";
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);
    private static readonly Lazy<Task<bool>> Reachable = new(ProbeAsync);

    /// <summary>True when a Docker engine answered its ping and containers are not disabled.</summary>
    public static Task<bool> IsReachableAsync() => Reachable.Value;

    private static async Task<bool> ProbeAsync()
    {
        if (Environment.GetEnvironmentVariable("WINYX_TEST_CONTAINERS") is "0" or "false")
        {
            return false;
        }

        if (SocketPath() is not { } socketPath || !File.Exists(socketPath))
        {
            return false;
        }

        try
        {
            using var timeout = new CancellationTokenSource(ProbeTimeout);
            using var handler = new SocketsHttpHandler
            {
                ConnectCallback = async (_, ct) =>
                {
                    var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), ct).ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                },
            };
            using var client = new HttpClient(handler);
            using var response = await client.GetAsync(new Uri("http://docker/_ping"), timeout.Token).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or SocketException or OperationCanceledException or IOException)
        {
            return false;
        }
    }

    private static string? SocketPath()
    {
        var dockerHost = Environment.GetEnvironmentVariable("DOCKER_HOST");
        if (string.IsNullOrEmpty(dockerHost))
        {
            return DefaultSocket;
        }

        // A TCP engine (tcp://…) is rare on developer machines; treat it as "no engine" rather
        // than guess its TLS set-up.
        return dockerHost.StartsWith("unix://", StringComparison.Ordinal) ? dockerHost["unix://".Length..] : null;
    }
}
