using System.Buffers;
using System.Text;

namespace Winyx.ServiceDefaults.AccessLog;

/// <summary>The first bytes of a body, up to a limit, in a pooled buffer rented on first use.</summary>
internal sealed class BoundedCapture : IDisposable
{
    private readonly int _limit;
    private byte[]? _buffer;

    public BoundedCapture(int limit)
    {
        _limit = limit;
    }

    public int Count { get; private set; }

    public bool IsFull => Count >= _limit;

    /// <summary>True when more bytes passed than were kept.</summary>
    public bool Truncated { get; private set; }

    public void Append(ReadOnlySpan<byte> bytes)
    {
        var take = Math.Min(bytes.Length, _limit - Count);
        Truncated |= take < bytes.Length;
        if (take <= 0)
        {
            return;
        }

        _buffer ??= ArrayPool<byte>.Shared.Rent(_limit);
        bytes[..take].CopyTo(_buffer.AsSpan(Count));
        Count += take;
    }

    public string Decode() => _buffer is null ? string.Empty : Encoding.UTF8.GetString(_buffer, 0, Count);

    public void Dispose()
    {
        if (_buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = null;
        }
    }
}
