using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Winyx.ServiceDefaults.AccessLog;

/// <summary>
/// The request id: the caller's <c>X-Request-Id</c> when it is a sane token, otherwise the trace id
/// of the request's activity, so a request id found in a log leads straight to the trace.
/// </summary>
public static class RequestIds
{
    /// <summary>The request and response header.</summary>
    public const string HeaderName = "X-Request-Id";

    /// <summary>The tag set on the request's activity.</summary>
    public const string ActivityTag = "request_id";

    private const int MaxLength = 128;

    /// <summary>The id for this request.</summary>
    public static string Resolve(HttpContext context)
    {
        var given = context.Request.Headers[HeaderName].ToString();
        if (IsAcceptable(given))
        {
            return given;
        }

        return (Activity.Current?.TraceId ?? ActivityTraceId.CreateRandom()).ToHexString();
    }

    // Only short tokens of safe characters: the id is echoed in a header and written into every log
    // line, so anything else would be a header- or log-injection vector.
    private static bool IsAcceptable(string id) =>
        id.Length is > 0 and <= MaxLength
        && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');
}
