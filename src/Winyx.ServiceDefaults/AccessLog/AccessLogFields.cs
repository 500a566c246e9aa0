using System.Globalization;
using Winyx.ServiceDefaults.Logging;

namespace Winyx.ServiceDefaults.AccessLog;

/// <summary>The values of one access-log record, already redacted; bodies only for error responses.</summary>
internal sealed record AccessLogFields(
    string Method,
    string Path,
    string Query,
    string? Ip,
    string UserAgent,
    int Status,
    double DurationMs,
    string RequestId,
    string? RequestBody,
    string? ResponseBody)
{
    private const string MethodName = "method";
    private const string PathName = "path";
    private const string QueryName = "query";
    private const string IpName = "ip";
    private const string UserAgentName = "user_agent";
    private const string StatusName = "status";
    private const string DurationName = "duration_ms";
    private const string RequestBodyName = "request_body";
    private const string ResponseBodyName = "response_body";

    /// <summary>The message, as <see cref="AccessLogRecord.Template"/> renders it.</summary>
    public string Message => string.Create(CultureInfo.InvariantCulture, $"{Method} {Path} responded {Status} in {DurationMs} ms");

    /// <summary>The fields by their names in the JSON line, bodies only when there are any.</summary>
    public List<KeyValuePair<string, object?>> Named()
    {
        List<KeyValuePair<string, object?>> named =
        [
            new(MethodName, Method),
            new(PathName, Path),
            new(QueryName, Query),
            new(IpName, Ip),
            new(UserAgentName, UserAgent),
            new(StatusName, Status),
            new(DurationName, DurationMs),
            new(LogFields.RequestId, RequestId),
        ];
        if (RequestBody is not null)
        {
            named.Add(new(RequestBodyName, RequestBody));
        }

        if (ResponseBody is not null)
        {
            named.Add(new(ResponseBodyName, ResponseBody));
        }

        return named;
    }

    /// <summary>
    /// Writes the fields after the line's head, in the order of <see cref="Named"/>, as
    /// <see cref="JsonLogFormatter"/> writes them from a log event; the request id is in the head.
    /// </summary>
    public void WriteTo(ref JsonLineWriter line)
    {
        line.WriteString(MethodName, Method);
        line.WriteString(PathName, Path);
        line.WriteString(QueryName, Query);
        line.WriteString(IpName, Ip);
        line.WriteString(UserAgentName, UserAgent);
        line.WriteNumber(StatusName, Status);
        line.WriteNumber(DurationName, DurationMs);
        if (RequestBody is not null)
        {
            line.WriteString(RequestBodyName, RequestBody);
        }

        if (ResponseBody is not null)
        {
            line.WriteString(ResponseBodyName, ResponseBody);
        }
    }
}
