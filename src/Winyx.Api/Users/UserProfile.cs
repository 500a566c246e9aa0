using System.ComponentModel;

namespace Winyx.Api.Users;

/// <summary>
/// A user as UserRpc returns it (and the profile cache keeps it). Carries no password data, by
/// construction. Routes answer with a <see cref="UserView"/>, which shows the e-mail address only to its owner.
/// </summary>
/// <param name="Id">The user's id.</param>
/// <param name="Name">The display name.</param>
/// <param name="Email">The e-mail address the user logs in with.</param>
/// <param name="CreatedAt">When the account was created.</param>
/// <param name="UpdatedAt">When the profile last changed.</param>
/// <param name="Version">UserRpc's optimistic-concurrency token; the <c>ETag</c> of <c>/api/users/me</c>.</param>
/// <remarks>Immutable, so HybridCache's L1 hands out the same instance instead of a copy per read.</remarks>
[ImmutableObject(true)]
public sealed record UserProfile(long Id, string Name, string Email, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string? Version = null);
