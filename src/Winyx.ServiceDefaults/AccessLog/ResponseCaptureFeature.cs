using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;

namespace Winyx.ServiceDefaults.AccessLog;

/// <summary>
/// The server's response body feature with the body observed on its way out: everything else — start,
/// complete, send-file, buffering — is the server's own, so a response that logs no body costs two small
/// objects and nothing per byte.
/// </summary>
internal sealed class ResponseCaptureFeature : IHttpResponseBodyFeature
{
    private readonly IHttpResponseBodyFeature _inner;
    private readonly BoundedCapture _capture;
    private readonly ResponseCaptureDecision _decision;
    private ResponseCapturePipeWriter? _writer;
    private ResponseBodyCaptureStream? _stream;

    public ResponseCaptureFeature(IHttpResponseBodyFeature inner, BoundedCapture capture, ResponseCaptureDecision decision)
    {
        _inner = inner;
        _capture = capture;
        _decision = decision;
    }

    public PipeWriter Writer => _writer ??= new ResponseCapturePipeWriter(_inner.Writer, _capture, _decision);

    // The server's stream writes into the server's writer, not this one: nothing is captured twice.
    public Stream Stream => _stream ??= new ResponseBodyCaptureStream(_inner.Stream, _capture, _decision);

    public void DisableBuffering() => _inner.DisableBuffering();

    public Task StartAsync(CancellationToken cancellationToken = default) => _inner.StartAsync(cancellationToken);

    public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) =>
        _inner.SendFileAsync(path, offset, count, cancellationToken);

    public Task CompleteAsync() => _inner.CompleteAsync();
}
