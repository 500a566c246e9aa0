namespace Winyx.Web.Session;

/// <summary>
/// The signed-in session: the Api's JWT kept in an HttpOnly, SameSite=Strict cookie (Secure when
/// the request came over HTTPS), so page scripts can never read it and cross-site requests never
/// carry it.
/// </summary>
public static class SessionCookie
{
    /// <summary>The cookie's name.</summary>
    public const string Name = "winyx_session";

    /// <summary>The bearer token of the current request, or null when signed out.</summary>
    public static string? Read(HttpContext context) =>
        context.Request.Cookies.TryGetValue(Name, out var token) && !string.IsNullOrWhiteSpace(token) ? token : null;

    /// <summary>Whether the current request carries a session.</summary>
    public static bool IsSignedIn(HttpContext context) => Read(context) is not null;

    /// <summary>Stores <paramref name="token"/> until <paramref name="expiresAt"/>.</summary>
    public static void Write(HttpContext context, string token, DateTimeOffset expiresAt) =>
        context.Response.Cookies.Append(Name, token, Options(context, expiresAt));

    /// <summary>Ends the session.</summary>
    public static void Clear(HttpContext context) =>
        context.Response.Cookies.Delete(Name, Options(context, expires: null));

    private static CookieOptions Options(HttpContext context, DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        Secure = context.Request.IsHttps,
        SameSite = SameSiteMode.Strict,
        Path = "/",
        IsEssential = true,
        Expires = expires,
    };
}
