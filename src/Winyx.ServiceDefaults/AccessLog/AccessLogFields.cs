namespace Winyx.ServiceDefaults.AccessLog;

/// <summary>The values of one access-log record; bodies only for error responses, already redacted.</summary>
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
    /// <summary>The fields by their names in the JSON line, bodies only when there are any.</summary>
    public List<KeyValuePair<string, object?>> Named()
    {
        List<KeyValuePair<string, object?>> named =
        [
            new("method", Method),
            new("path", Path),
            new("query", Query),
            new("ip", Ip),
            new("user_agent", UserAgent),
            new("status", Status),
            new("duration_ms", DurationMs),
            new("request_id", RequestId),
        ];
        if (RequestBody is not null)
        {
            named.Add(new("request_body", RequestBody));
        }

        if (ResponseBody is not null)
        {
            named.Add(new("response_body", ResponseBody));
        }

        return named;
    }
}
