using System.ComponentModel;

namespace Winyx.Api.Users;

/// <summary>A user as the REST API shows it. Carries no password data, by construction.</summary>
/// <param name="Id">The user's id.</param>
/// <param name="Name">The display name.</param>
/// <param name="Email">The e-mail address the user logs in with.</param>
/// <param name="CreatedAt">When the account was created.</param>
/// <param name="UpdatedAt">When the profile last changed.</param>
/// <remarks>Immutable, so HybridCache's L1 hands out the same instance instead of a copy per read.</remarks>
[ImmutableObject(true)]
public sealed record UserProfile(long Id, string Name, string Email, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
