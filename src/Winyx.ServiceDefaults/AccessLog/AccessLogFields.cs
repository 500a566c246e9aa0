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
    string? ResponseBody);
