namespace Winyx.Api.Apis;

/// <summary>A bearer token for the <c>/api/users/me</c> routes.</summary>
/// <param name="Token">The JWT; send it as <c>Authorization: Bearer TOKEN</c>.</param>
/// <param name="ExpiresAt">When the token stops working.</param>
public sealed record LoginResponse(string Token, DateTimeOffset ExpiresAt);
