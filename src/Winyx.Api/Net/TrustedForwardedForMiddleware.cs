using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Winyx.Api.Net;

/// <summary>
/// Makes the end user's address the request's remote address when the Web forwards a request, so the
/// per-IP login limit counts browsers rather than the Web. Every caller is on the same loopback, so an
/// address proves nothing: <c>X-Forwarded-For</c> is believed only next to the key the AppHost gave the
/// Web (<see cref="ForwardedForOptions.KeyHeader"/>, compared in constant time). Without it the header
/// is ignored and the connection's own address stays. Both headers are removed either way, so nothing
/// later (logs included) sees the key.
/// </summary>
/// <remarks>
/// ASP.NET Core's ForwardedHeadersMiddleware trusts by the proxy's address (KnownProxies), which on a
/// shared loopback any local process has; hence a key instead.
/// </remarks>
public sealed partial class TrustedForwardedForMiddleware(
    RequestDelegate next, IOptions<ForwardedForOptions> options, ILogger<TrustedForwardedForMiddleware> logger)
{
    private readonly byte[]? _key = options.Value.Key is { Length: > 0 } key ? Encoding.UTF8.GetBytes(key) : null;

    /// <summary>Applies a proven forwarded address to one request.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Request.Headers;
        var forwarded = headers[ForwardedForOptions.AddressHeader];
        var offeredKey = headers[ForwardedForOptions.KeyHeader];
        headers.Remove(ForwardedForOptions.KeyHeader);
        headers.Remove(ForwardedForOptions.AddressHeader);
        if (forwarded.Count == 0)
        {
            return next(context);
        }

        if (!IsProven(offeredKey.ToString()))
        {
            LogUntrusted(logger, context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            return next(context);
        }

        // The Web sends exactly one address, its own caller's; anything else is not the Web's doing.
        if (forwarded.Count == 1 && IPAddress.TryParse(forwarded.ToString().Trim(), out var address)
            && context.Features.Get<IHttpConnectionFeature>() is { } connection)
        {
            connection.RemoteIpAddress = address;
        }

        return next(context);
    }

    private bool IsProven(string offered) =>
        _key is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(offered), _key);

    [LoggerMessage(Level = LogLevel.Debug, Message = "X-Forwarded-For from {Caller} ignored: the forwarding key is missing or wrong")]
    private static partial void LogUntrusted(ILogger logger, string caller);
}
