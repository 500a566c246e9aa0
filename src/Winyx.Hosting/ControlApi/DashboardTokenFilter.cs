using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Winyx.Hosting.ApplicationModel;

namespace Winyx.Hosting.ControlApi;

/// <summary>
/// Guards the control API with the run's token: <c>Authorization: Bearer TOKEN</c>, or the cookie
/// set by <c>/login?t=TOKEN</c>. Compared in constant time.
/// </summary>
public sealed class DashboardTokenFilter(DashboardOptions dashboard) : IEndpointFilter
{
    /// <summary>The cookie holding the token after login.</summary>
    public const string CookieName = "winyx-dashboard";

    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        return IsAuthorized(context.HttpContext.Request)
            ? await next(context).ConfigureAwait(false)
            : Results.Problem(
                title: "Unauthorized",
                detail: "Send Authorization: Bearer TOKEN, or open the Dashboard link the AppHost printed.",
                statusCode: StatusCodes.Status401Unauthorized);
    }

    /// <summary>True when the request carries the token.</summary>
    public bool IsAuthorized(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString();
        var presented = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? header["Bearer ".Length..].Trim()
            : request.Cookies[CookieName];
        return Matches(presented);
    }

    /// <summary>True when <paramref name="presented"/> is the token.</summary>
    public bool Matches(string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(dashboard.Token));
}
