namespace Winyx.Web.Api;

/// <summary>The Api's login answer: a bearer token and when it stops being valid.</summary>
/// <param name="Token">The JWT.</param>
/// <param name="ExpiresAt">Its expiry; the session cookie expires with it.</param>
public sealed record AuthToken(string Token, DateTimeOffset ExpiresAt);
