using System.Net.Http.Headers;

namespace Winyx.Web.Session;

/// <summary>
/// Sends the session cookie's token to the Api as <c>Authorization: Bearer</c>, so pages call
/// the <see cref="Api.ApiClient"/> without ever handling the token.
/// </summary>
public sealed class BearerTokenHandler(IHttpContextAccessor httpContextAccessor) : DelegatingHandler
{
    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (httpContextAccessor.HttpContext is { } context && SessionCookie.Read(context) is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
