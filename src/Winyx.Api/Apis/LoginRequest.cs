namespace Winyx.Api.Apis;

/// <summary>The body of <c>POST /api/users/login</c>.</summary>
/// <param name="Email">The account's e-mail address.</param>
/// <param name="Password">The account's password.</param>
public sealed record LoginRequest(string? Email, string? Password);
