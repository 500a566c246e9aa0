using System.Text.Json.Serialization;

namespace Winyx.Web.Api;

/// <summary>A user as the Api returns it (never carries a password).</summary>
/// <param name="Id">The user's id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Email">Email address, also the login name; the Api shows it only to its owner.</param>
/// <param name="CreatedAt">When the account was created.</param>
/// <param name="UpdatedAt">When the profile last changed.</param>
public sealed record ApiUser(
    long Id,
    string Name,
    string? Email,
    DateTimeOffset? CreatedAt = null,
    DateTimeOffset? UpdatedAt = null)
{
    /// <summary>The profile's <c>ETag</c> (its version), sent back as <c>If-Match</c> when saving it.</summary>
    [JsonIgnore]
    public string? ETag { get; init; }
}
