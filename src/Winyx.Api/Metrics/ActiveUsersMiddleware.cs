using System.Security.Claims;
using Winyx.Api.Auth;

namespace Winyx.Api.Metrics;

/// <summary>Feeds <see cref="ActiveUsersTracker"/> from authenticated requests, without waiting for Redis.</summary>
public sealed class ActiveUsersMiddleware(RequestDelegate next, ActiveUsersTracker tracker)
{
    /// <summary>Runs the middleware.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        if (context.User.GetUserId() is { } userId)
        {
            // Fire and forget: TryAsync never throws, and the request should not wait for a metric.
            _ = tracker.SeenAsync(userId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return next(context);
    }
}
