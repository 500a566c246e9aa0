namespace Winyx.ServiceDefaults.AccessLog;

/// <summary>
/// Keeps the first bytes of the request body as the application reads it, so nothing is buffered up
/// front and large uploads cost no more than the limit.
/// </summary>
internal sealed class RequestBodyCaptureStream : DelegatingStream
{
    private readonly BoundedCapture _capture;

    public RequestBodyCaptureStream(Stream inner, BoundedCapture capture)
        : base(inner)
    {
        _capture = capture;
    }

    /// <summary>True once the body has been read to its end.</summary>
    public bool Completed { get; private set; }

    public override int Read(Span<byte> buffer)
    {
        var read = Inner.Read(buffer);
        Observe(buffer[..read]);
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await Inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Observe(buffer.Span[..read]);
        return read;
    }

    /// <summary>
    /// Reads what the application left unread, up to the limit, so an error response logs the body even
    /// when the handler rejected the request before reading it.
    /// </summary>
    public async Task ReadRestAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        while (!Completed && !_capture.IsFull)
        {
            await ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
    }

    private void Observe(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            Completed = true;
        }

        _capture.Append(bytes);
    }
}
