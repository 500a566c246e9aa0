using System.Text;

namespace Winyx.Api.Tests.Fuzzing;

/// <summary>Who a fuzzed request claims to be.</summary>
public enum FuzzAuth
{
    /// <summary>No Authorization header.</summary>
    None,

    /// <summary>The fuzz user's real token.</summary>
    Valid,

    /// <summary>A bearer token that is not one.</summary>
    Garbage,
}

/// <summary>One generated request to the Api.</summary>
/// <param name="Route">The route it aims at (for the coverage count).</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">Path and query, possibly hostile.</param>
/// <param name="ContentType">The Content-Type header sent verbatim, or null for none.</param>
/// <param name="Body">The body bytes, or null for none.</param>
/// <param name="Chunked">Send the body chunked (no Content-Length).</param>
/// <param name="Auth">The Authorization header.</param>
/// <param name="IfMatch">The If-Match header sent verbatim, or null.</param>
/// <param name="Email">For a registration or profile change: the e-mail in the body (to check what got stored).</param>
/// <param name="ForwardedFor">An X-Forwarded-For sent with the Web's key (logins: a browser of its own), or null.</param>
public sealed record ApiRequestCase(
    string Route, string Method, string Path, string? ContentType, byte[]? Body, bool Chunked, FuzzAuth Auth,
    string? IfMatch, string? Email, string? ForwardedFor)
{
    /// <summary>A one-line description for failure messages (bodies cut at 300 characters).</summary>
    public override string ToString()
    {
        var body = Body is null ? "no body" : Body.Length > 300 ? $"{Body.Length} bytes: {Text(Body[..300])}…" : $"{Body.Length} bytes: {Text(Body)}";
        return $"{Method} {Path} [{Route}] content-type={ContentType ?? "none"} chunked={Chunked} auth={Auth} if-match={IfMatch ?? "none"} {body}";
    }

    private static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes).Replace("\n", "\\n", StringComparison.Ordinal);
}
