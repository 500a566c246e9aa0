namespace Winyx.Api.Apis;

/// <summary>The body of <c>POST /api/users/register</c>.</summary>
/// <param name="Name">Display name, 1–50 characters.</param>
/// <param name="Email">E-mail address, at most 254 characters.</param>
/// <param name="Password">Password, 8–128 characters.</param>
public sealed record RegisterUserRequest(string? Name, string? Email, string? Password);
