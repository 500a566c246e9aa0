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
        var line = new JsonLineWriter(output);
        line.WriteHead(
            logEvent.Timestamp.UtcDateTime,
            logEvent.Level,
            RenderMessage(logEvent),
            Scalar(logEvent, Constants.SourceContextPropertyName),
            logEvent.TraceId?.ToHexString(),
            logEvent.SpanId?.ToHexString(),
            Scalar(logEvent, LogFields.RequestId));
        foreach (var (name, value) in logEvent.Properties)
        {
            if (name == Constants.SourceContextPropertyName || name == LogFields.RequestId)
            {
                continue;
            }

            line.WriteName(Reserved.Contains(name) ? "_" + name : name);
            WriteValue(ref line, value);
        }

        if (logEvent.Exception is not null)
        {
            line.WriteString(LogFields.Exception, _redactor.RedactText(logEvent.Exception.ToString()));
        }

        line.End();
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

    // Strings and numbers the way every line writes them (records that write themselves included);
    // structures, sequences and other scalars as Serilog writes JSON.
    private static void WriteValue(ref JsonLineWriter line, LogEventPropertyValue value)
    {
        switch (value)
        {
            case ScalarValue { Value: string text }:
                line.WriteStringValue(text);
                break;
            case ScalarValue { Value: int number }:
                line.WriteNumberValue(number);
                break;
            case ScalarValue { Value: double number }:
                line.WriteNumberValue(number);
                break;
            default:
                ValueFormatter.Format(value, line.Output);
                break;
        }
    }
}
