namespace Winyx.Web.Api;

/// <summary>Body of <c>POST /api/users/login</c>.</summary>
/// <param name="Email">Email address.</param>
/// <param name="Password">Password in clear; it only travels to the Api and is never logged.</param>
public sealed record LogInRequest(string Email, string Password);
