namespace Winyx.ServiceDefaults.Logging;

/// <summary>Field names of a Winyx JSON log line.</summary>
public static class LogFields
{
    /// <summary>UTC time of the record, ISO 8601 with milliseconds.</summary>
    public const string Timestamp = "timestamp";

    /// <summary>Level, as named by <see cref="LogLevelNames"/>.</summary>
    public const string Level = "level";

    /// <summary>The rendered message.</summary>
    public const string Message = "message";

    /// <summary>The logger's category (Serilog's <c>SourceContext</c>).</summary>
    public const string Category = "category";

    /// <summary>W3C trace id of the current activity.</summary>
    public const string TraceId = "trace_id";

    /// <summary>W3C span id of the current activity.</summary>
    public const string SpanId = "span_id";

    /// <summary>The request id (<c>X-Request-Id</c>) of the request being served.</summary>
    public const string RequestId = "request_id";

    /// <summary>The exception, redacted.</summary>
    public const string Exception = "exception";
}
