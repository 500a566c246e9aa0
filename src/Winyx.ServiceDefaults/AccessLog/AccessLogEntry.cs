using System.Diagnostics;
using Serilog.Core;
using Serilog.Events;
using Serilog.Parsing;
using Winyx.ServiceDefaults.Logging;

namespace Winyx.ServiceDefaults.AccessLog;

/// <summary>
/// The access-log record of a request answered without an error, queued for the log pump as it was
/// captured at the end of the request; the pump builds the same log event — template, fields and
/// category — as <see cref="AccessLogRecord"/> gives the logger, and redacts and counts it.
/// </summary>
/// <remarks>
/// Building a Serilog event, enriching it and fanning it out to every logger provider on the request's
/// thread was the largest cost of a cached GET (bench/RESULTS.md). A record of a success carries no
/// body and no message of its own; the request's span already carries the same facts to OTLP.
/// </remarks>
internal sealed class AccessLogEntry(DateTimeOffset timestamp, ActivityTraceId traceId, ActivitySpanId spanId, AccessLogFields fields)
    : IDeferredLogEvent
{
    private static readonly MessageTemplate Template = new MessageTemplateParser().Parse(AccessLogRecord.Template);
    private static readonly LogEventProperty Category = new(Constants.SourceContextPropertyName, new ScalarValue(AccessLogOptions.Category));
    private static readonly LogEventProperty EventId = new(
        "EventId",
        new StructureValue([new LogEventProperty("Id", new ScalarValue(AccessLogRecord.EventId.Id)), new LogEventProperty("Name", new ScalarValue(AccessLogRecord.EventId.Name))]));

    /// <summary>Captures the record now (the clock Serilog stamps events with), with the current activity's trace and span ids.</summary>
    public static AccessLogEntry Now(AccessLogFields fields) =>
        Activity.Current is { } activity
            ? new AccessLogEntry(DateTimeOffset.Now, activity.TraceId, activity.SpanId, fields)
            : new AccessLogEntry(DateTimeOffset.Now, default, default, fields);

    public LogEvent Create()
    {
        var named = fields.Named();
        var properties = new LogEventProperty[named.Count + 2];
        properties[0] = Category;
        for (var i = 0; i < named.Count; i++)
        {
            properties[i + 1] = new LogEventProperty(named[i].Key, new ScalarValue(named[i].Value));
        }

        properties[^1] = EventId;
        return traceId == default
            ? new LogEvent(timestamp, LogEventLevel.Information, null, Template, properties)
            : new LogEvent(timestamp, LogEventLevel.Information, null, Template, properties, traceId, spanId);
    }
}
