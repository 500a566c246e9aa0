namespace Winyx.Api.Apis;

/// <summary>The body of <c>PUT /api/users/me</c>; omitted fields stay as they are.</summary>
/// <param name="Name">New display name, 1–50 characters.</param>
/// <param name="Email">New e-mail address, at most 254 characters.</param>
public sealed record UpdateProfileRequest(string? Name, string? Email);
