using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Http;
using Serilog.Core;
using Serilog.Events;
using Serilog.Parsing;
using Winyx.ServiceDefaults.Logging;
using Winyx.ServiceDefaults.Redaction;

namespace Winyx.ServiceDefaults.AccessLog;

/// <summary>
/// The access-log record of one request, as captured at its end: the request's values as they are, to be
/// turned into the record's redacted <see cref="AccessLogFields"/> later. A record without bodies is
/// queued like this for the log pump, which writes its JSON line itself — the very line
/// <see cref="JsonLogFormatter"/> writes for the event <see cref="AccessLogRecord"/> gives the logger —
/// and builds that event only for the files.
/// </summary>
/// <remarks>
/// On the request's thread this is one object and a clock read. The IP address is formatted and every
/// value redacted on the pump; building a Serilog event per record there, then rendering its template and
/// its properties, was most of what the access log cost a cached GET (bench/RESULTS.md). A record of a
/// success carries no body and no message of its own; the request's span already carries the same
/// facts to OTLP.
/// </remarks>
internal sealed class AccessLogEntry : IDeferredLogEvent
{
    private static readonly MessageTemplate Template = new MessageTemplateParser().Parse(AccessLogRecord.Template);
    private static readonly LogEventProperty CategoryProperty = new(Constants.SourceContextPropertyName, new ScalarValue(AccessLogOptions.Category));
    private static readonly LogEventProperty EventIdProperty = new(
        "EventId",
        new StructureValue([new LogEventProperty("Id", new ScalarValue(AccessLogRecord.EventId.Id)), new LogEventProperty("Name", new ScalarValue(AccessLogRecord.EventId.Name))]));

    // EventIdProperty as JSON; its name needs no escaping.
    private static readonly string EventIdJson = string.Create(
        CultureInfo.InvariantCulture, $"{{\"Id\":{AccessLogRecord.EventId.Id},\"Name\":\"{AccessLogRecord.EventId.Name}\"}}");

    private readonly SecretRedactor _redactor;
    private readonly DateTime _timestampUtc;
    private readonly ActivityTraceId _traceId;
    private readonly ActivitySpanId _spanId;
    private readonly string _method;
    private readonly string _path;
    private readonly string _query;
    private readonly IPAddress? _client;
    private readonly string _userAgent;
    private readonly int _status;
    private readonly double _durationMs;
    private readonly string _requestId;

    private AccessLogEntry(HttpContext context, string requestId, int status, TimeSpan elapsed, SecretRedactor redactor)
    {
        var request = context.Request;
        _redactor = redactor;
        _timestampUtc = DateTime.UtcNow;
        if (Activity.Current is { } activity)
        {
            (_traceId, _spanId) = (activity.TraceId, activity.SpanId);
        }

        _method = request.Method;
        _path = request.Path.Value ?? "/";
        _query = request.QueryString.HasValue ? request.QueryString.Value![1..] : string.Empty;
        _client = context.Connection.RemoteIpAddress;
        _userAgent = request.Headers.UserAgent.ToString();
        _status = status;
        _durationMs = Math.Round(elapsed.TotalMilliseconds, 3);
        _requestId = requestId;
    }

    public LogEventLevel Level => LogEventLevel.Information;

    public string Category => AccessLogOptions.Category;

    /// <summary>Captures the record of <paramref name="context"/> now, with the current activity's trace and span ids.</summary>
    public static AccessLogEntry Capture(HttpContext context, string requestId, int status, TimeSpan elapsed, SecretRedactor redactor) =>
        new(context, requestId, status, elapsed, redactor);

    /// <summary>The record's fields, every value redacted; bodies are given already redacted.</summary>
    public AccessLogFields Fields(string? requestBody = null, string? responseBody = null) => new(
        Redact(_method),
        Redact(_path),
        _query.Length == 0 ? string.Empty : Redact(_redactor.RedactForm(_query)),
        Redact(ClientIp(_client)),
        Redact(_userAgent),
        _status,
        _durationMs,
        Redact(_requestId),
        requestBody,
        responseBody);

    public void WriteJson(TextWriter output)
    {
        var fields = Fields();
        var line = new JsonLineWriter(output);
        line.WriteHead(
            _timestampUtc,
            Level,
            fields.Message,
            Category,
            _traceId == default ? null : _traceId.ToHexString(),
            _traceId == default ? null : _spanId.ToHexString(),
            fields.RequestId);
        fields.WriteTo(ref line);
        line.WriteRaw(EventIdProperty.Name, EventIdJson);
        line.End();
    }

    public LogEvent Create()
    {
        var named = Fields().Named();
        var properties = new LogEventProperty[named.Count + 2];
        properties[0] = CategoryProperty;
        for (var i = 0; i < named.Count; i++)
        {
            properties[i + 1] = new LogEventProperty(named[i].Key, new ScalarValue(named[i].Value));
        }

        properties[^1] = EventIdProperty;
        var timestamp = new DateTimeOffset(_timestampUtc, TimeSpan.Zero).ToLocalTime();
        return _traceId == default
            ? new LogEvent(timestamp, Level, null, Template, properties)
            : new LogEvent(timestamp, Level, null, Template, properties, _traceId, _spanId);
    }

    // What the logger's redaction enricher does to every text value of an event.
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    private string? Redact(string? text) => text is null ? null : _redactor.RedactText(text);

    // Dual-stack listeners report IPv4 clients as ::ffff:a.b.c.d; log the address people recognise.
    private static string? ClientIp(IPAddress? address) =>
        address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4().ToString() : address?.ToString();
}
