using System.Globalization;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Winyx.Api.Auth;

/// <summary>Reads the user id out of a validated token.</summary>
public static class ClaimsPrincipalExtensions
{
    /// <summary>The <c>sub</c> claim as a user id, or null when the caller is anonymous.</summary>
    public static long? GetUserId(this ClaimsPrincipal principal) =>
        principal.Identity?.IsAuthenticated == true
        && long.TryParse(principal.FindFirstValue(JwtRegisteredClaimNames.Sub), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;
}
