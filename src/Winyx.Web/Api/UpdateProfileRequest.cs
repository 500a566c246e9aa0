namespace Winyx.Web.Api;

/// <summary>Body of <c>PUT /api/users/me</c>.</summary>
/// <param name="Name">New display name.</param>
/// <param name="Email">New email address.</param>
public sealed record UpdateProfileRequest(string Name, string Email);
