using Microsoft.Extensions.Options;

namespace Winyx.Web.Session;

/// <summary>
/// Tells the Api whose request this is: the browser's address in <c>X-Forwarded-For</c>, proven by the
/// key in <c>X-Winyx-Forwarded-Key</c>, so the Api's per-IP login limit counts browsers and not the Web.
/// The Web is the edge: whatever <c>X-Forwarded-For</c> the browser sent is not passed on.
/// </summary>
public sealed class ForwardedForHandler(IHttpContextAccessor httpContextAccessor, IOptions<ForwardedForOptions> options) : DelegatingHandler
{
    /// <summary>The header carrying the browser's address.</summary>
    public const string AddressHeader = "X-Forwarded-For";

    /// <summary>The header carrying the key.</summary>
    public const string KeyHeader = "X-Winyx-Forwarded-Key";

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (options.Value.Key is { Length: > 0 } key
            && httpContextAccessor.HttpContext?.Connection.RemoteIpAddress is { } address)
        {
            var client = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
            request.Headers.Remove(AddressHeader);
            request.Headers.Remove(KeyHeader);
            request.Headers.TryAddWithoutValidation(AddressHeader, client.ToString());
            request.Headers.TryAddWithoutValidation(KeyHeader, key);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
