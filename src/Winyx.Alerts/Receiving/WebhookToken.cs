using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Winyx.Alerts.Options;

namespace Winyx.Alerts.Receiving;

/// <summary>Checks the webhook's <c>Authorization: Bearer TOKEN</c> against <c>Alerts:WebhookToken</c>.</summary>
public sealed class WebhookToken(IOptions<AlertsOptions> options)
{
    private const string Scheme = "Bearer ";

    /// <summary>Whether a token is configured at all; without one every call is refused.</summary>
    public bool IsConfigured => !string.IsNullOrEmpty(options.Value.WebhookToken);

    /// <summary>Whether <paramref name="request"/> carries the configured token.</summary>
    public bool Authorizes(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var expected = options.Value.WebhookToken;
        var header = request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(expected) || !header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // Constant time: the comparison must not tell an attacker how much of a guess was right.
        return CryptographicOperations.FixedTimeEquals(
            Encoding.UTF8.GetBytes(header[Scheme.Length..].Trim()),
            Encoding.UTF8.GetBytes(expected));
    }
}
