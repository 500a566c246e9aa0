namespace Winyx.Api.Users;

/// <summary>One page of users.</summary>
/// <param name="Items">The users on this page.</param>
/// <param name="Page">The 1-based page number.</param>
/// <param name="Size">The page size asked for.</param>
/// <param name="Total">The number of users in all pages.</param>
public sealed record UserPage(IReadOnlyList<UserProfile> Items, int Page, int Size, long Total);
