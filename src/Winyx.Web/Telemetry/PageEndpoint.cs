using Microsoft.AspNetCore.Components.Endpoints;

namespace Winyx.Web.Telemetry;

/// <summary>
/// Names pages by their route template (<c>/profile</c>, <c>/users</c>): a bounded set, shared by
/// the render metric's <c>page</c> label and the chaos switch's <c>routes</c>.
/// </summary>
public static class PageEndpoint
{
    /// <summary>The name used for requests that matched no page and were answered 404.</summary>
    public const string NotFound = "/not-found";

    /// <summary>The page's route template when <paramref name="context"/> is routed to a page, else null.</summary>
    public static string? NameOf(HttpContext context) =>
        context.GetEndpoint() is RouteEndpoint endpoint && endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null
            ? endpoint.RoutePattern.RawText
            : null;
}
