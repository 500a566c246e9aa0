using System.Text.Json.Serialization;

namespace Winyx.Api.Users;

/// <summary>
/// A user as a route answers it. The owner sees every field; anyone else sees the id, the name and the
/// join date only (<see cref="Email"/> and <see cref="UpdatedAt"/> are left out of the JSON).
/// </summary>
/// <param name="Id">The user's id.</param>
/// <param name="Name">The display name.</param>
/// <param name="Email">The e-mail address; only its owner sees it.</param>
/// <param name="CreatedAt">When the account was created.</param>
/// <param name="UpdatedAt">When the profile last changed; only its owner sees it.</param>
public sealed record UserView(
    long Id,
    string Name,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Email,
    DateTimeOffset CreatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? UpdatedAt)
{
    /// <summary>Every field: the caller is <paramref name="user"/>.</summary>
    public static UserView Owner(UserProfile user) => new(user.Id, user.Name, user.Email, user.CreatedAt, user.UpdatedAt);

    /// <summary>What <paramref name="viewerId"/> may see of <paramref name="user"/>.</summary>
    public static UserView For(UserProfile user, long? viewerId) =>
        viewerId == user.Id ? Owner(user) : new(user.Id, user.Name, null, user.CreatedAt, null);
}
