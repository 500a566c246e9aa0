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
    private readonly StreamResponseBodyFeature? _captureResponse;
    private readonly RequestBodyCaptureStream? _requestStream;

    private BodyCapture(int limit)
    {
        Request = new BoundedCapture(limit);
        Response = new BoundedCapture(limit);
    }

    private BodyCapture(HttpContext context, int limit, Func<bool> captureResponse)
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
        // (BodyWriter) goes through the capture too, and can be flushed before it is put back.
        _originalResponse = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        var stream = new ResponseBodyCaptureStream(_originalResponse.Stream, Response, captureResponse);
        _captureResponse = new StreamResponseBodyFeature(stream, _originalResponse);
        context.Features.Set<IHttpResponseBodyFeature>(_captureResponse);
    }

    /// <summary>The first bytes of the request body.</summary>
    public BoundedCapture Request { get; }

    /// <summary>The first bytes of the response body (only for responses that log bodies).</summary>
    public BoundedCapture Response { get; }

    public static BodyCapture Attach(HttpContext context, int limit, Func<bool> captureResponse) =>
        IsGrpc(context.Request) ? new BodyCapture(limit) : new BodyCapture(context, limit, captureResponse);

    /// <summary>Restores the original bodies; flushes what the application wrote unless it failed.</summary>
    public async Task DetachAsync(bool completeResponse)
    {
        if (_context is null)
        {
            return;
        }

        _context.Request.Body = _originalRequest!;
        try
        {
            if (completeResponse)
            {
                await _captureResponse!.CompleteAsync();
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
            // The client went away mid-response; the server notices on its own.
        }
        finally
        {
            _context.Features.Set(_originalResponse);
        }
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
