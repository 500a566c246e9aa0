namespace Winyx.Web.Api;

/// <summary>Body of <c>POST /api/users/register</c>.</summary>
/// <param name="Name">Display name.</param>
/// <param name="Email">Email address.</param>
/// <param name="Password">Password in clear; it only travels to the Api and is never logged.</param>
public sealed record RegisterRequest(string Name, string Email, string Password);
