using Winyx.ServiceDefaults.Redaction;

namespace Winyx.ServiceDefaults.AccessLog;

/// <summary>Turns a captured body into the text the access log prints: decoded, marked when cut, redacted.</summary>
internal static class BodyText
{
    public static string Describe(BoundedCapture capture, string? contentType, SecretRedactor redactor)
    {
        if (capture.Count == 0)
        {
            return string.Empty;
        }

        if (!IsTextual(contentType))
        {
            return $"[{capture.Count} bytes of {contentType}]";
        }

        var text = redactor.RedactBody(capture.Decode(), contentType);
        return capture.Truncated ? text + "…[truncated]" : text;
    }

    private static bool IsTextual(string? contentType) =>
        string.IsNullOrEmpty(contentType)
        || contentType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
        || new[] { "json", "xml", "x-www-form-urlencoded", "multipart/form-data", "javascript", "graphql" }
            .Any(marker => contentType.Contains(marker, StringComparison.OrdinalIgnoreCase));
}
