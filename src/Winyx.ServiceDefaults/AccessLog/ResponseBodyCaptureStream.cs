namespace Winyx.ServiceDefaults.AccessLog;

/// <summary>
/// Passes the response body through and keeps its first bytes, but only for responses the access log
/// will print a body for (see <see cref="ResponseCaptureDecision"/>). Used only by applications that
/// write through <c>Response.Body</c>; <c>BodyWriter</c> goes through <see cref="ResponseCapturePipeWriter"/>.
/// </summary>
internal sealed class ResponseBodyCaptureStream : DelegatingStream
{
    private readonly BoundedCapture _capture;
    private readonly ResponseCaptureDecision _decision;

    public ResponseBodyCaptureStream(Stream inner, BoundedCapture capture, ResponseCaptureDecision decision)
        : base(inner)
    {
        _capture = capture;
        _decision = decision;
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Observe(buffer);
        Inner.Write(buffer);
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Observe(buffer.Span);
        return Inner.WriteAsync(buffer, cancellationToken);
    }

    private void Observe(ReadOnlySpan<byte> bytes)
    {
        if (_decision.Capturing)
        {
            _capture.Append(bytes);
        }
    }
}
