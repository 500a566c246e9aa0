using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Winyx.ServiceDefaults.AccessLog;

/// <summary>
/// Hooks the request and response bodies of one request for the access log and puts them back after.
/// gRPC calls are left alone: their bodies are binary and their HTTP status is always 200.
/// </summary>
internal sealed class BodyCapture : IDisposable
{
    private readonly HttpContext? _context;
    private readonly Stream? _originalRequest;
    private readonly IHttpResponseBodyFeature? _originalResponse;
    private readonly RequestBodyCaptureStream? _requestStream;

    private BodyCapture(int limit)
    {
        Request = new BoundedCapture(limit);
        Response = new BoundedCapture(limit);
    }

    private BodyCapture(HttpContext context, int limit, int responseFromStatus)
        : this(limit)
    {
        _context = context;
        _originalRequest = context.Request.Body;
        // A request that cannot have a body (a GET without Content-Length or chunking) has nothing to
        // capture: its body stream is left alone.
        if (context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody != false)
        {
            _requestStream = new RequestBodyCaptureStream(_originalRequest, Request);
            context.Request.Body = _requestStream;
        }

        // The body feature is swapped, not just Response.Body, so the writer the application gets
        // (BodyWriter) is observed too. It passes the server's own writer through: a response that logs
        // no body is neither copied nor re-buffered (a StreamResponseBodyFeature here cost every request
        // a second pipe and a flush, see bench/RESULTS.md).
        _originalResponse = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        var decision = new ResponseCaptureDecision(context.Response, responseFromStatus);
        context.Features.Set<IHttpResponseBodyFeature>(new ResponseCaptureFeature(_originalResponse, Response, decision));
    }

    /// <summary>The first bytes of the request body.</summary>
    public BoundedCapture Request { get; }

    /// <summary>The first bytes of the response body (only for responses that log bodies).</summary>
    public BoundedCapture Response { get; }

    /// <summary>
    /// Hooks the bodies of <paramref name="context"/>; the response body is kept only when the status at
    /// its first write is at least <paramref name="responseFromStatus"/>.
    /// </summary>
    public static BodyCapture Attach(HttpContext context, int limit, int responseFromStatus) =>
        IsGrpc(context.Request) ? new BodyCapture(limit) : new BodyCapture(context, limit, responseFromStatus);

    /// <summary>Restores the original bodies. Nothing is buffered here, so nothing needs flushing.</summary>
    public void Detach()
    {
        if (_context is null)
        {
            return;
        }

        _context.Request.Body = _originalRequest!;
        _context.Features.Set(_originalResponse);
    }

    /// <summary>Reads request bytes the application left unread, up to the limit, within <paramref name="timeout"/>.</summary>
    public async Task ReadRestOfRequestAsync(TimeSpan timeout)
    {
        if (_requestStream is null || _context is null)
        {
            return;
        }

        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(_context.RequestAborted);
        cancellation.CancelAfter(timeout);
        try
        {
            await _requestStream.ReadRestAsync(cancellation.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or BadHttpRequestException or InvalidOperationException)
        {
            // The client left, the body is too slow or already drained: log what was captured.
        }
    }

    public void Dispose()
    {
        Request.Dispose();
        Response.Dispose();
    }

    private static bool IsGrpc(HttpRequest request) =>
        request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;
}
