namespace Winyx.UserRpc.Data;

/// <summary>One page of users and the number of users in total.</summary>
/// <param name="Users">The users on the page, ordered by id.</param>
/// <param name="Total">How many users exist.</param>
public sealed record UserPage(IReadOnlyList<User> Users, long Total);
