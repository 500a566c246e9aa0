using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Winyx.LoadTests.Scenarios;

namespace Winyx.LoadTests.Clients;

/// <summary>
/// A wrk-style client for plain-HTTP targets: each worker keeps its own keep-alive HTTP/1.1
/// connection and sends the same pre-encoded request on it. It does a fraction of
/// <see cref="HttpLoadClient"/>'s work per request (no request objects, header collections or
/// content streams), which matters when the client shares two cores with the server it measures:
/// use it for maximum-throughput runs, and <see cref="HttpLoadClient"/> for anything richer (TLS,
/// HTTP/2, varied requests).
/// </summary>
/// <example>
/// <code>
/// using var raw = new Http1LoadClient(new Uri("http://127.0.0.1:8888/health"));
/// var scenario = Scenario.Create("health", raw.SendAsync);
/// </code>
/// </example>
public sealed class Http1LoadClient : IDisposable
{
    private readonly string _key = "winyx.http1." + Guid.NewGuid().ToString("N");
    private readonly byte[] _request;
    private readonly EndPoint _endPoint;
    private readonly ConcurrentBag<Http1Connection> _opened = [];
    private readonly bool _isHead;

    /// <summary>Creates the client for <paramref name="url"/>; <paramref name="body"/> is sent with POST/PUT/PATCH.</summary>
    public Http1LoadClient(Uri url, HttpMethod? method = null, byte[]? body = null, string contentType = "application/json", TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (url.Scheme != Uri.UriSchemeHttp)
        {
            throw new ArgumentException($"'{url}': this client speaks plain HTTP/1.1 only; use HttpLoadClient for {url.Scheme}.", nameof(url));
        }

        _isHead = method == HttpMethod.Head;
        _endPoint = IPAddress.TryParse(url.IdnHost, out var ip) ? new IPEndPoint(ip, url.Port) : new DnsEndPoint(url.IdnHost, url.Port);
        var head = new StringBuilder()
            .Append((method ?? HttpMethod.Get).Method).Append(' ').Append(url.PathAndQuery).Append(" HTTP/1.1\r\n")
            .Append("Host: ").Append(url.Authority).Append("\r\n")
            .Append("User-Agent: winyx-load\r\n");
        if (body is not null)
        {
            head.Append("Content-Type: ").Append(contentType).Append("\r\nContent-Length: ").Append(body.Length).Append("\r\n");
        }

        head.Append("\r\n");
        _request = [.. Encoding.ASCII.GetBytes(head.ToString()), .. body ?? []];
        Timeout = timeout ?? TimeSpan.FromSeconds(30);
    }

    /// <summary>Per-request timeout.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>
    /// One request on the worker's connection (opened on first use, reopened after an error or a
    /// <c>Connection: close</c>). Statuses below 400 are ok; a transport error or timeout is a failure
    /// with status 0.
    /// </summary>
    public async Task<Response> SendAsync(ScenarioContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var state = context.Data.TryGetValue(_key, out var existing) ? (State)existing : null;
        if (state is null)
        {
            state = new State(CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken));
            context.Data[_key] = state;
        }

        state.Timeout.CancelAfter(Timeout);
        try
        {
            if (state.Connection is null)
            {
                state.Connection = await Http1Connection.OpenAsync(_endPoint, state.Timeout.Token).ConfigureAwait(false);
                _opened.Add(state.Connection);
            }

            var (status, bytes) = await state.Connection.ExchangeAsync(_request, _isHead, state.Timeout.Token).ConfigureAwait(false);
            if (!state.Connection.Reusable)
            {
                state.Drop();
            }

            return status < 400 ? Response.Ok(status, bytes) : Response.Fail(status, bytes);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested)
        {
            state.Drop();
            return Response.Fail(message: ex is OperationCanceledException ? $"timed out after {Timeout.TotalSeconds:0.###} s" : ex.Message);
        }
        finally
        {
            if (!state.Timeout.TryReset())
            {
                state.Timeout.Dispose();
                state.Timeout = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        while (_opened.TryTake(out var connection))
        {
            connection.Dispose();
        }
    }

    private sealed class State(CancellationTokenSource timeout)
    {
        public CancellationTokenSource Timeout { get; set; } = timeout;

        public Http1Connection? Connection { get; set; }

        public void Drop()
        {
            Connection?.Dispose();
            Connection = null;
        }
    }
}
