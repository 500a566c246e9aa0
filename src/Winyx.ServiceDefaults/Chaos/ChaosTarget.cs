using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Winyx.ServiceDefaults.Routing;

namespace Winyx.ServiceDefaults.Chaos;

/// <summary>
/// Names what a fault applies to, and compares the names callers put in <c>routes</c> with the
/// requests and calls that arrive, so one rule serves route templates, page names and gRPC methods.
/// </summary>
public static class ChaosTarget
{
    /// <summary>The request's endpoint route template (<c>/api/users/{id:long}</c>); null without an endpoint.</summary>
    public static string? RouteTemplate(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } raw } ? raw : null;
    }

    /// <summary>
    /// The comparable form of a route or target. Anything with a <c>/</c> is a path or route template:
    /// <c>api/users/{id:long}/</c> → <c>/api/users/{id}</c> (leading slash, no trailing slash, no parameter
    /// constraints or defaults), so callers name routes as the API documents them. A bare name such as
    /// <c>GetUser</c> (a gRPC method's short name) is kept as it is.
    /// </summary>
    public static string Normalize(string route)
    {
        ArgumentNullException.ThrowIfNull(route);
        var trimmed = route.Trim();
        if (!trimmed.Contains('/', StringComparison.Ordinal))
        {
            return trimmed;
        }

        return RouteTemplateText.Normalize(trimmed);
    }

    /// <summary>
    /// Whether the normalized <paramref name="route"/> names the normalized <paramref name="target"/>: the
    /// same text (ignoring case), or a bare name equal to the target's last segment, so <c>GetUser</c>
    /// names <c>/winyx.user.v1.UserService/GetUser</c>.
    /// </summary>
    public static bool Matches(string route, string target)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(target);
        if (string.Equals(route, target, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return !route.Contains('/', StringComparison.Ordinal)
            && string.Equals(route, target[(target.LastIndexOf('/') + 1)..], StringComparison.OrdinalIgnoreCase);
    }
}
