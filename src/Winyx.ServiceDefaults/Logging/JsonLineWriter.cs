using System.Buffers;
using System.Globalization;
using Serilog.Events;

namespace Winyx.ServiceDefaults.Logging;

/// <summary>
/// Writes one log record as one JSON object on one line. It is the one spelling of a Winyx log line:
/// <see cref="JsonLogFormatter"/> writes Serilog events with it, and records that write themselves on the
/// log pump (<see cref="IDeferredLogEvent"/>) use it too, so both kinds of line read alike.
/// </summary>
/// <remarks>
/// Strings are escaped in runs: the text between two characters JSON needs escaped is written in one
/// call, not character by character (most log text has none of them).
/// </remarks>
internal ref struct JsonLineWriter
{
    // JSON must escape the quote, the backslash and the control characters; nothing else.
    private static readonly SearchValues<char> MustEscape =
        SearchValues.Create([.. Enumerable.Range(0, 0x20).Select(c => (char)c), '"', '\\']);

    private readonly TextWriter _output;
    private bool _first;

    /// <summary>Starts a line (its opening brace) on <paramref name="output"/>.</summary>
    public JsonLineWriter(TextWriter output)
    {
        _output = output;
        _first = true;
        output.Write('{');
    }

    /// <summary>Where the line goes, for values written by another JSON writer.</summary>
    public readonly TextWriter Output => _output;

    /// <summary>
    /// The fields every record starts with, in their order: <c>timestamp</c>, <c>level</c>, <c>message</c>,
    /// <c>category</c>, <c>trace_id</c>, <c>span_id</c>, <c>request_id</c>; an absent one is left out.
    /// </summary>
    public void WriteHead(DateTime timestampUtc, LogEventLevel level, string message, string? category, string? traceId, string? spanId, string? requestId)
    {
        WriteTimestamp(timestampUtc);
        WriteOptionalString(LogFields.Level, LogLevelNames.Of(level));
        WriteOptionalString(LogFields.Message, message);
        WriteOptionalString(LogFields.Category, category);
        WriteOptionalString(LogFields.TraceId, traceId);
        WriteOptionalString(LogFields.SpanId, spanId);
        WriteOptionalString(LogFields.RequestId, requestId);
    }

    /// <summary>A string field, or nothing when <paramref name="value"/> is null.</summary>
    public void WriteOptionalString(string name, string? value)
    {
        if (value is not null)
        {
            WriteName(name);
            WriteStringValue(value);
        }
    }

    /// <summary>A string field; null is written as JSON null.</summary>
    public void WriteString(string name, string? value)
    {
        WriteName(name);
        if (value is null)
        {
            _output.Write("null");
            return;
        }

        WriteStringValue(value);
    }

    public void WriteNumber(string name, int value)
    {
        WriteName(name);
        WriteNumberValue(value);
    }

    public void WriteNumber(string name, double value)
    {
        WriteName(name);
        WriteNumberValue(value);
    }

    /// <summary>A field whose value is JSON already (a constant object, say).</summary>
    public void WriteRaw(string name, string json)
    {
        WriteName(name);
        _output.Write(json);
    }

    /// <summary>The name of the next field, after a comma unless it is the first.</summary>
    public void WriteName(string name)
    {
        if (!_first)
        {
            _output.Write(',');
        }

        _first = false;
        WriteStringValue(name);
        _output.Write(':');
    }

    public readonly void WriteStringValue(ReadOnlySpan<char> text)
    {
        _output.Write('"');
        while (text.IndexOfAny(MustEscape) is var next and >= 0)
        {
            _output.Write(text[..next]);
            WriteEscaped(text[next]);
            text = text[(next + 1)..];
        }

        _output.Write(text);
        _output.Write('"');
    }

    public readonly void WriteNumberValue(int value)
    {
        Span<char> digits = stackalloc char[11];
        value.TryFormat(digits, out var length, provider: CultureInfo.InvariantCulture);
        _output.Write(digits[..length]);
    }

    /// <summary>The shortest text that reads back as the same double; NaN and infinities, which JSON lacks, as strings.</summary>
    public readonly void WriteNumberValue(double value)
    {
        Span<char> digits = stackalloc char[32];
        value.TryFormat(digits, out var length, "R", CultureInfo.InvariantCulture);
        if (double.IsFinite(value))
        {
            _output.Write(digits[..length]);
        }
        else
        {
            WriteStringValue(digits[..length]);
        }
    }

    /// <summary>Ends the object and the line.</summary>
    public readonly void End()
    {
        _output.Write('}');
        _output.Write('\n');
    }

    // yyyy-MM-ddTHH:mm:ss.fffZ, digit by digit: a custom format string is parsed again on every call,
    // and every record has a timestamp.
    private void WriteTimestamp(DateTime timestampUtc)
    {
        Span<char> text = ['0', '0', '0', '0', '-', '0', '0', '-', '0', '0', 'T', '0', '0', ':', '0', '0', ':', '0', '0', '.', '0', '0', '0', 'Z'];
        WriteDigits(text[..4], timestampUtc.Year);
        WriteDigits(text[5..7], timestampUtc.Month);
        WriteDigits(text[8..10], timestampUtc.Day);
        WriteDigits(text[11..13], timestampUtc.Hour);
        WriteDigits(text[14..16], timestampUtc.Minute);
        WriteDigits(text[17..19], timestampUtc.Second);
        WriteDigits(text[20..23], timestampUtc.Millisecond);
        WriteName(LogFields.Timestamp);
        _output.Write('"');
        _output.Write(text);
        _output.Write('"');
    }

    // Fills the span with the value's last digits, zero-padded.
    private static void WriteDigits(Span<char> digits, int value)
    {
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            digits[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }

    private readonly void WriteEscaped(char c)
    {
        switch (c)
        {
            case '"':
                _output.Write("\\\"");
                break;
            case '\\':
                _output.Write("\\\\");
                break;
            case '\n':
                _output.Write("\\n");
                break;
            case '\r':
                _output.Write("\\r");
                break;
            case '\t':
                _output.Write("\\t");
                break;
            default:
                Span<char> code = ['\\', 'u', '0', '0', HexDigit(c >> 4), HexDigit(c & 0xF)];
                _output.Write(code);
                break;
        }
    }

    private static char HexDigit(int value) => (char)(value < 10 ? '0' + value : 'a' + value - 10);
}
