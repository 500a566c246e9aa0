using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Winyx.LoadTests.Clients;

/// <summary>
/// One keep-alive HTTP/1.1 connection owned by one worker, as each of wrk's connections is: writes a
/// pre-encoded request, reads the status line and the headers it needs (Content-Length,
/// Transfer-Encoding: chunked, Connection: close) and skips the body, counting its bytes.
/// Not thread-safe: one exchange at a time.
/// </summary>
internal sealed class Http1Connection : IDisposable
{
    private const int BufferSize = 16 * 1024;
    private static ReadOnlySpan<byte> HeaderEnd => "\r\n\r\n"u8;
    private static ReadOnlySpan<byte> LineEnd => "\r\n"u8;

    private readonly Socket _socket;
    private readonly byte[] _buffer = new byte[BufferSize];
    private int _start;
    private int _end;

    private Http1Connection(Socket socket)
    {
        _socket = socket;
    }

    /// <summary>False once the server asked to close, or an exchange failed midway.</summary>
    public bool Reusable { get; private set; } = true;

    public static async Task<Http1Connection> OpenAsync(EndPoint endPoint, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(endPoint, cancellationToken).ConfigureAwait(false);
            return new Http1Connection(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Sends <paramref name="request"/> and reads the whole response; returns its status and body size.
    /// <paramref name="isHead"/>: a response to HEAD has no body whatever its Content-Length says.
    /// </summary>
    public async ValueTask<(int Status, long BodyBytes)> ExchangeAsync(ReadOnlyMemory<byte> request, bool isHead, CancellationToken cancellationToken)
    {
        Reusable = false;
        while (!request.IsEmpty)
        {
            var sent = await _socket.SendAsync(request, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            request = request[sent..];
        }

        int headerLength;
        while ((headerLength = _buffer.AsSpan(_start, _end - _start).IndexOf(HeaderEnd)) < 0)
        {
            if (_end - _start == BufferSize)
            {
                throw new InvalidDataException($"response headers larger than {BufferSize} bytes");
            }

            await FillAsync(cancellationToken).ConfigureAwait(false);
        }

        var head = ParseHead(_buffer.AsSpan(_start, headerLength));
        _start += headerLength + HeaderEnd.Length;
        long body;
        if (isHead || head.Status is < 200 or 204 or 304)
        {
            body = 0;
        }
        else if (head.Chunked)
        {
            body = await SkipChunkedAsync(cancellationToken).ConfigureAwait(false);
        }
        else if (head.ContentLength >= 0)
        {
            body = head.ContentLength;
            await SkipAsync(body, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            body = await SkipToEndAsync(cancellationToken).ConfigureAwait(false);
            return (head.Status, body);
        }

        Reusable = !head.Close;
        return (head.Status, body);
    }

    public void Dispose() => _socket.Dispose();

    private static (int Status, long ContentLength, bool Chunked, bool Close) ParseHead(ReadOnlySpan<byte> head)
    {
        // "HTTP/1.1 200 OK": the status is the three digits after the first space.
        var space = head.IndexOf((byte)' ');
        if (space < 0 || head.Length < space + 4 || !int.TryParse(head.Slice(space + 1, 3), out var status))
        {
            throw new InvalidDataException("malformed status line: " + Encoding.ASCII.GetString(head[..Math.Min(head.Length, 40)]));
        }

        long contentLength = -1;
        bool chunked = false, close = false;
        var rest = head;
        while (true)
        {
            var eol = rest.IndexOf(LineEnd);
            if (eol < 0)
            {
                break;
            }

            rest = rest[(eol + LineEnd.Length)..];
            var line = rest.IndexOf(LineEnd) is var next and >= 0 ? rest[..next] : rest;
            var colon = line.IndexOf((byte)':');
            if (colon <= 0)
            {
                continue;
            }

            var name = line[..colon];
            var value = line[(colon + 1)..].Trim((byte)' ');
            if (Ascii.EqualsIgnoreCase(name, "Content-Length"u8) && long.TryParse(value, out var length))
            {
                contentLength = length;
            }
            else if (Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8))
            {
                chunked = value.IndexOf("chunked"u8) >= 0;
            }
            else if (Ascii.EqualsIgnoreCase(name, "Connection"u8))
            {
                close = Ascii.EqualsIgnoreCase(value, "close"u8);
            }
        }

        return (status, contentLength, chunked, close);
    }

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        if (_start == _end)
        {
            _start = _end = 0;
        }
        else if (_end == BufferSize)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        var read = await _socket.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None, cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            throw new IOException("the server closed the connection mid-response");
        }

        _end += read;
    }

    private async ValueTask SkipAsync(long count, CancellationToken cancellationToken)
    {
        while (count > 0)
        {
            if (_start == _end)
            {
                await FillAsync(cancellationToken).ConfigureAwait(false);
            }

            var take = (int)Math.Min(count, _end - _start);
            _start += take;
            count -= take;
        }
    }

    private async ValueTask<long> SkipChunkedAsync(CancellationToken cancellationToken)
    {
        long total = 0;
        while (true)
        {
            var line = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
            var semicolon = line.IndexOf(';', StringComparison.Ordinal);
            var size = long.Parse(semicolon >= 0 ? line[..semicolon] : line, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
            if (size == 0)
            {
                // Trailers, if any, end with an empty line.
                while ((await ReadLineAsync(cancellationToken).ConfigureAwait(false)).Length > 0)
                {
                }

                return total;
            }

            await SkipAsync(size + LineEnd.Length, cancellationToken).ConfigureAwait(false);
            total += size;
        }
    }

    private async ValueTask<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        int eol;
        while ((eol = _buffer.AsSpan(_start, _end - _start).IndexOf(LineEnd)) < 0)
        {
            await FillAsync(cancellationToken).ConfigureAwait(false);
        }

        var line = Encoding.ASCII.GetString(_buffer, _start, eol).Trim();
        _start += eol + LineEnd.Length;
        return line;
    }

    private async ValueTask<long> SkipToEndAsync(CancellationToken cancellationToken)
    {
        long total = _end - _start;
        _start = _end = 0;
        int read;
        while ((read = await _socket.ReceiveAsync(_buffer.AsMemory(), SocketFlags.None, cancellationToken).ConfigureAwait(false)) > 0)
        {
            total += read;
        }

        return total;
    }
}
