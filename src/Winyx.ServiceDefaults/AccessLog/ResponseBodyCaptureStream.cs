namespace Winyx.ServiceDefaults.AccessLog;

/// <summary>
/// Passes the response body through and keeps its first bytes, but only for responses the access log
/// will print a body for: the status is final by the first write, so the decision is made then.
/// </summary>
internal sealed class ResponseBodyCaptureStream : DelegatingStream
{
    private readonly BoundedCapture _capture;
    private readonly Func<bool> _shouldCapture;
    private bool? _capturing;

    public ResponseBodyCaptureStream(Stream inner, BoundedCapture capture, Func<bool> shouldCapture)
        : base(inner)
    {
        _capture = capture;
        _shouldCapture = shouldCapture;
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
        _capturing ??= _shouldCapture();
        if (_capturing.Value)
        {
            _capture.Append(bytes);
        }
    }
}
