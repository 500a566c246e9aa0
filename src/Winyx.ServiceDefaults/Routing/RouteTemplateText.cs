using System.Text.RegularExpressions;

namespace Winyx.ServiceDefaults.Routing;

/// <summary>
/// One canonical spelling of a route template, so a metric label, a chaos rule and the API docs name a
/// route the same way: <c>api/users/{id:long}/</c> → <c>/api/users/{id}</c> (leading slash, no trailing
/// slash, no parameter constraints or defaults).
/// </summary>
public static partial class RouteTemplateText
{
    /// <summary>The canonical form of <paramref name="template"/>; the root stays <c>/</c>.</summary>
    public static string Normalize(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var trimmed = template.Trim();
        var bare = trimmed.Contains('{', StringComparison.Ordinal) ? ParameterDetails().Replace(trimmed, "{$1}") : trimmed;
        return "/" + bare.Trim('/');
    }

    [GeneratedRegex(@"\{\**([^}:=?]+)[^}]*\}", RegexOptions.CultureInvariant)]
    private static partial Regex ParameterDetails();
}
