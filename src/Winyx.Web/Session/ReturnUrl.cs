namespace Winyx.Web.Session;

/// <summary>Where to go after logging in, limited to this site so a link cannot redirect elsewhere.</summary>
public static class ReturnUrl
{
    /// <summary>The page logging in leads to when no (safe) return URL was given.</summary>
    public const string Default = "/profile";

    /// <summary><paramref name="url"/> when it is a local path, else <see cref="Default"/>.</summary>
    public static string LocalOrDefault(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal)
            && !url.StartsWith("/\\", StringComparison.Ordinal) && Uri.IsWellFormedUriString(url, UriKind.Relative)
            ? url
            : Default;

    /// <summary>The login page, returning to <paramref name="path"/> afterwards.</summary>
    public static string LogInThenReturnTo(string path) => "/login?returnUrl=" + Uri.EscapeDataString(path);
}
