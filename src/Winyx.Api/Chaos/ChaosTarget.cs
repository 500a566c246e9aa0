using System.Text.RegularExpressions;

namespace Winyx.Api.Chaos;

/// <summary>Turns endpoints and configured route entries into one comparable form.</summary>
public static partial class ChaosTarget
{
    /// <summary>The request's endpoint route template, normalized; null before routing or without an endpoint.</summary>
    public static string? RouteTemplate(HttpContext context) =>
        context.GetEndpoint() is RouteEndpoint endpoint && endpoint.RoutePattern.RawText is { } raw ? Normalize(raw) : null;

    /// <summary>
    /// <c>api/users/{id:long}/</c> → <c>/api/users/{id}</c>: leading slash, no trailing slash, no
    /// parameter constraints or defaults, so callers name routes as the API documents them.
    /// </summary>
    public static string Normalize(string template)
    {
        var bare = ParameterDetails().Replace(template.Trim(), "{$1}").Trim('/');
        return "/" + bare;
    }

    [GeneratedRegex(@"\{\**([^}:=?]+)[^}]*\}", RegexOptions.CultureInvariant)]
    private static partial Regex ParameterDetails();
}
