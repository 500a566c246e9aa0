using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Winyx.LoadTests.Scenarios;

namespace Winyx.LoadTests.Clients;

/// <summary>
/// The HTTP helper for scenarios, after crank's HTTP client job: one <see cref="SocketsHttpHandler"/>
/// per run shared by every worker (connections pooled, no cookies, no proxy, no decompression), a
/// bare <see cref="HttpMessageInvoker"/> instead of HttpClient's extra layers, and the body read to
/// a pooled buffer just to count its bytes.
/// </summary>
/// <example>
/// <code>
/// using var http = new HttpLoadClient(maxConnections: 32);
/// var scenario = Scenario.Create("home", ctx => http.GetAsync(new Uri("http://127.0.0.1:8888/"), ctx.CancellationToken));
/// </code>
/// </example>
public sealed class HttpLoadClient : IDisposable
{
    private readonly HttpMessageInvoker _invoker;

    // Timeout sources are reused: a new linked source and timer per request costs more than the
    // request itself against a fast local endpoint.
    private readonly ConcurrentBag<CancellationTokenSource> _timeouts = [];

    /// <summary>Creates the client and its shared handler.</summary>
    /// <param name="maxConnections">Most connections per server; 0 lets the pool open as many as requests need.</param>
    /// <param name="timeout">Per-request timeout; a request past it fails with status 0.</param>
    /// <param name="localAddress">
    /// The address connections leave from (k6's <c>--local-ips</c>); null lets the system choose. Any
    /// of 127.0.0.0/8 works on Linux, so one machine can play many clients of a loopback server.
    /// </param>
    public HttpLoadClient(int maxConnections = 0, TimeSpan? timeout = null, IPAddress? localAddress = null)
    {
        var handler = new SocketsHttpHandler
        {
            UseCookies = false,
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = System.Threading.Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(10),
        };
        if (localAddress is not null)
        {
            handler.ConnectCallback = (context, cancellationToken) => ConnectFromAsync(localAddress, context.DnsEndPoint, cancellationToken);
        }

        if (maxConnections > 0)
        {
            handler.MaxConnectionsPerServer = maxConnections;
        }

        _invoker = new HttpMessageInvoker(handler, disposeHandler: true);
        Timeout = timeout ?? TimeSpan.FromSeconds(30);
    }

    /// <summary>Per-request timeout.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>GET <paramref name="uri"/>.</summary>
    public Task<Response> GetAsync(Uri uri, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, uri), cancellationToken);

    /// <summary>
    /// Sends <paramref name="request"/> (and disposes it). 2xx and 3xx are ok; the status code and the
    /// body's size are reported; a transport error or timeout is a failure with status 0.
    /// </summary>
    public async Task<Response> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var timeout = _timeouts.TryTake(out var pooled) ? pooled : new CancellationTokenSource();
        timeout.CancelAfter(Timeout);
        var link = cancellationToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), timeout);
        try
        {
            using (request)
            using (var response = await _invoker.SendAsync(request, timeout.Token).ConfigureAwait(false))
            {
                var size = await DrainAsync(response.Content, timeout.Token).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                return status < 400 ? Response.Ok(status, size) : Response.Fail(status, size, response.ReasonPhrase);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Response.Fail(message: $"timed out after {Timeout.TotalSeconds:0.###} s");
        }
        catch (HttpRequestException ex)
        {
            return Response.Fail(message: ex.Message);
        }
        finally
        {
            link.Dispose();
            if (timeout.TryReset())
            {
                _timeouts.Add(timeout);
            }
            else
            {
                timeout.Dispose();
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _invoker.Dispose();
        while (_timeouts.TryTake(out var timeout))
        {
            timeout.Dispose();
        }
    }

    private static async ValueTask<Stream> ConnectFromAsync(IPAddress localAddress, DnsEndPoint server, CancellationToken cancellationToken)
    {
        var socket = new Socket(localAddress.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.Bind(new IPEndPoint(localAddress, 0));
            await socket.ConnectAsync(server, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static async Task<long> DrainAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                long total = 0;
                int read;
                while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    total += read;
                }

                return total;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
