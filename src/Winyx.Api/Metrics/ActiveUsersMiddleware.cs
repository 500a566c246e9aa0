using System.Security.Claims;
using Winyx.Api.Auth;

namespace Winyx.Api.Metrics;

/// <summary>Feeds <see cref="ActiveUsersTracker"/> from authenticated requests; nothing here waits for Redis.</summary>
public sealed class ActiveUsersMiddleware(RequestDelegate next, ActiveUsersTracker tracker)
{
    /// <summary>Runs the middleware.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        if (context.User.GetUserId() is { } userId)
        {
            tracker.Seen(userId);
        }

        return next(context);
    }
}
