namespace Winyx.Web.Tests.Fakes;

/// <summary>One request the <see cref="FakeApi"/> received, with the headers the Web adds ("" when absent).</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path.</param>
/// <param name="ForwardedFor">The <c>X-Forwarded-For</c> header.</param>
/// <param name="ForwardedKey">The <c>X-Winyx-Forwarded-Key</c> header.</param>
/// <param name="IfMatch">The <c>If-Match</c> header.</param>
public sealed record ReceivedRequest(string Method, string Path, string ForwardedFor, string ForwardedKey, string IfMatch);
