using System.Collections.Concurrent;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Winyx.ServiceDefaults.Routing;

namespace Winyx.ServiceDefaults.Metrics;

/// <summary>
/// Bounded label values for the request metrics: the matched route template in its canonical spelling
/// (<c>/api/users/{id}</c>, see <see cref="RouteTemplateText"/>; never the raw path) and the HTTP method, with everything else collapsed to one value.
/// </summary>
public static class EndpointLabel
{
    /// <summary>The <c>endpoint</c> value of requests that matched no route (404s, scanners, static files).</summary>
    public const string Unmatched = "unmatched";

    /// <summary>The <c>method</c> value of non-standard methods.</summary>
    public const string OtherMethod = "_OTHER";

    // The stored spelling is the label: "get" and "GET" both yield the one upper-case string, allocating nothing.
    private static readonly HashSet<string> KnownMethods = new(StringComparer.OrdinalIgnoreCase)
    {
        "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "CONNECT",
    };

    private static readonly ConcurrentDictionary<string, string> Normalized = new(StringComparer.Ordinal);

    /// <summary>
    /// The route template of the endpoint that served the request, or <see cref="Unmatched"/>. A request
    /// that ended in the exception handler is labelled with the endpoint that threw: the handler clears
    /// the endpoint (and may route the request again, to an error page) but keeps the original in
    /// <see cref="IExceptionHandlerFeature.Endpoint"/>.
    /// </summary>
    public static string Of(HttpContext context)
    {
        var endpoint = context.Features.Get<IExceptionHandlerFeature>() is { } handled ? handled.Endpoint : context.GetEndpoint();
        if (endpoint is not RouteEndpoint { RoutePattern.RawText: { } template })
        {
            return Unmatched;
        }

        // Normalizing runs a regex; a service has a few dozen routes, so each is normalized once.
        return Normalized.GetOrAdd(template, RouteTemplateText.Normalize);
    }

    /// <summary>The upper-case method if it is a standard one, otherwise <see cref="OtherMethod"/>.</summary>
    public static string Method(HttpRequest request) =>
        KnownMethods.TryGetValue(request.Method, out var known) ? known : OtherMethod;
}
