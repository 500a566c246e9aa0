using System.IO.Pipelines;

namespace Winyx.ServiceDefaults.AccessLog;

/// <summary>
/// The server's own response <see cref="PipeWriter"/>, passed straight through. Only when the response
/// logs its body are the bytes the application advances over copied into the capture, from the very
/// buffer the server handed out — no second pipe, no stream adapter, no extra flush, as before for
/// every response (bench/RESULTS.md).
/// </summary>
internal sealed class ResponseCapturePipeWriter : PipeWriter
{
    private readonly PipeWriter _inner;
    private readonly BoundedCapture _capture;
    private readonly ResponseCaptureDecision _decision;
    private Memory<byte> _lastBuffer;

    public ResponseCapturePipeWriter(PipeWriter inner, BoundedCapture capture, ResponseCaptureDecision decision)
    {
        _inner = inner;
        _capture = capture;
        _decision = decision;
    }

    public override bool CanGetUnflushedBytes => _inner.CanGetUnflushedBytes;

    public override long UnflushedBytes => _inner.UnflushedBytes;

    public override Memory<byte> GetMemory(int sizeHint = 0) =>
        _decision.Capturing ? _lastBuffer = _inner.GetMemory(sizeHint) : _inner.GetMemory(sizeHint);

    // A span cannot be kept for Advance, so a capturing writer hands out the span of a memory it keeps.
    public override Span<byte> GetSpan(int sizeHint = 0) =>
        _decision.Capturing ? (_lastBuffer = _inner.GetMemory(sizeHint)).Span : _inner.GetSpan(sizeHint);

    public override void Advance(int bytes)
    {
        if (_decision.Capturing && bytes > 0 && bytes <= _lastBuffer.Length)
        {
            _capture.Append(_lastBuffer.Span[..bytes]);
        }

        _lastBuffer = default;
        _inner.Advance(bytes);
    }

    public override ValueTask<FlushResult> WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default)
    {
        if (_decision.Capturing)
        {
            _capture.Append(source.Span);
        }

        return _inner.WriteAsync(source, cancellationToken);
    }

    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) =>
        _inner.FlushAsync(cancellationToken);

    public override void CancelPendingFlush() => _inner.CancelPendingFlush();

    public override void Complete(Exception? exception = null) => _inner.Complete(exception);

    public override ValueTask CompleteAsync(Exception? exception = null) => _inner.CompleteAsync(exception);
}
