using System.Globalization;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Display;
using Serilog.Formatting.Json;
using Winyx.ServiceDefaults.Redaction;

namespace Winyx.ServiceDefaults.Logging;

/// <summary>
/// Writes one JSON object per line: <c>timestamp</c>, <c>level</c>, <c>message</c>, <c>category</c>,
/// <c>trace_id</c>, <c>span_id</c>, <c>request_id</c>, then the event's other properties as top-level
/// fields, then <c>exception</c>. Used for the console and every file, so all outputs read alike.
/// </summary>
/// <remarks>
/// Property values were already redacted by <see cref="SecretRedactionEnricher"/>; the exception text
/// cannot be changed on the event, so it is redacted here, on the way out.
/// </remarks>
internal sealed class JsonLogFormatter : ITextFormatter
{
    private static readonly HashSet<string> Reserved =
    [
        LogFields.Timestamp, LogFields.Level, LogFields.Message, LogFields.Category,
        LogFields.TraceId, LogFields.SpanId, LogFields.RequestId, LogFields.Exception,
    ];

    // "l" renders strings without quotes, "j" renders structures as JSON: the message reads like plain text.
    private static readonly MessageTemplateTextFormatter MessageRenderer = new("{Message:lj}", CultureInfo.InvariantCulture);
    private static readonly JsonValueFormatter ValueFormatter = new(typeTagName: null);

    private readonly SecretRedactor _redactor;

    public JsonLogFormatter(SecretRedactor redactor)
    {
        _redactor = redactor;
    }

    public void Format(LogEvent logEvent, TextWriter output)
    {
        output.Write('{');
        WriteString(output, LogFields.Timestamp, logEvent.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture), first: true);
        WriteString(output, LogFields.Level, LogLevelNames.Of(logEvent.Level));
        WriteString(output, LogFields.Message, RenderMessage(logEvent));
        WriteString(output, LogFields.Category, Scalar(logEvent, Constants.SourceContextPropertyName));
        WriteString(output, LogFields.TraceId, logEvent.TraceId?.ToHexString());
        WriteString(output, LogFields.SpanId, logEvent.SpanId?.ToHexString());
        WriteString(output, LogFields.RequestId, Scalar(logEvent, LogFields.RequestId));
        foreach (var (name, value) in logEvent.Properties)
        {
            if (name == Constants.SourceContextPropertyName || name == LogFields.RequestId)
            {
                continue;
            }

            WriteName(output, Reserved.Contains(name) ? "_" + name : name);
            ValueFormatter.Format(value, output);
        }

        if (logEvent.Exception is not null)
        {
            WriteString(output, LogFields.Exception, _redactor.RedactText(logEvent.Exception.ToString()));
        }

        output.Write('}');
        output.Write('\n');
    }

    // One writer per thread, reused: the formatter runs for every record, on the log queue's pump.
    [ThreadStatic]
    private static StringWriter? _messageWriter;

    private static string RenderMessage(LogEvent logEvent)
    {
        var writer = _messageWriter ??= new StringWriter(CultureInfo.InvariantCulture);
        writer.GetStringBuilder().Clear();
        MessageRenderer.Format(logEvent, writer);
        return writer.ToString();
    }

    private static string? Scalar(LogEvent logEvent, string property) =>
        logEvent.Properties.TryGetValue(property, out var value) && value is ScalarValue scalar
            ? scalar.Value?.ToString()
            : null;

    private static void WriteString(TextWriter output, string name, string? value, bool first = false)
    {
        if (value is null)
        {
            return;
        }

        WriteName(output, name, first);
        JsonValueFormatter.WriteQuotedJsonString(value, output);
    }

    private static void WriteName(TextWriter output, string name, bool first = false)
    {
        if (!first)
        {
            output.Write(',');
        }

        JsonValueFormatter.WriteQuotedJsonString(name, output);
        output.Write(':');
    }
}
