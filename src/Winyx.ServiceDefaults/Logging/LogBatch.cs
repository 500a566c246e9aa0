using System.Globalization;
using System.Text;

namespace Winyx.ServiceDefaults.Logging;

/// <summary>
/// The lines the log pump gathers between two console writes, in one character buffer kept from batch to
/// batch. A <see cref="StringWriter"/>'s builder let go of its chunks when cleared and allocated them
/// again for every batch: about two bytes of garbage per character logged (bench/RESULTS.md).
/// </summary>
internal sealed class LogBatch : TextWriter
{
    private const int InitialChars = 16 * 1024;

    private readonly int _keepChars;
    private char[] _chars = new char[InitialChars];

    /// <summary>A batch that keeps a buffer of up to <paramref name="keepChars"/> characters once written.</summary>
    public LogBatch(int keepChars)
    {
        _keepChars = keepChars;
    }

    /// <summary>How many characters are waiting.</summary>
    public int Length { get; private set; }

    /// <summary>The characters waiting.</summary>
    public ReadOnlySpan<char> Text => _chars.AsSpan(0, Length);

    public override Encoding Encoding => Encoding.UTF8;

    public override IFormatProvider FormatProvider => CultureInfo.InvariantCulture;

    public override void Write(char value)
    {
        Reserve(1);
        _chars[Length++] = value;
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        Reserve(buffer.Length);
        buffer.CopyTo(_chars.AsSpan(Length));
        Length += buffer.Length;
    }

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    /// <summary>Drops what was written after the first <paramref name="length"/> characters.</summary>
    public void Truncate(int length) => Length = Math.Min(length, Length);

    /// <summary>Empties the batch; a buffer an outsized record grew past what is kept is let go.</summary>
    public void Clear()
    {
        Length = 0;
        if (_chars.Length > 2 * _keepChars)
        {
            _chars = new char[_keepChars];
        }
    }

    private void Reserve(int more)
    {
        if (Length + more > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(2 * _chars.Length, Length + more));
        }
    }
}
