using System.Net;
using Microsoft.Extensions.Options;
using Winyx.Alerts.Options;
using Winyx.Alerts.Receiving;

namespace Winyx.Alerts.Serving;

/// <summary>
/// Keeps the pages and read APIs to loopback clients (like Prometheus' UI on 127.0.0.1) when
/// <c>Alerts:LoopbackOnly</c> is true. The webhook (guarded by its token) and the probes
/// (<c>/health</c>, <c>/alive</c>, <c>/metrics</c>) stay open to whoever can reach the port.
/// </summary>
public sealed class LoopbackOnlyMiddleware(RequestDelegate next, IOptions<AlertsOptions> options)
{
    private static readonly PathString[] OpenPaths = [AlertmanagerWebhookApi.Path, "/health", "/alive", "/metrics"];

    /// <summary>Answers 403 to a remote client asking for anything but an open path.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var remote = context.Connection.RemoteIpAddress;
        if (options.Value.LoopbackOnly && remote is not null && !IPAddress.IsLoopback(remote)
            && !OpenPaths.Any(path => context.Request.Path.StartsWithSegments(path, StringComparison.OrdinalIgnoreCase)))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return context.Response.WriteAsync("Winyx.Alerts serves its pages to loopback clients only (Alerts:LoopbackOnly).");
        }

        return next(context);
    }
}
