namespace Winyx.Api.Users;

/// <summary>One page of users as <c>GET /api/users</c> answers it (the caller's own entry with its e-mail).</summary>
/// <param name="Items">The users on this page.</param>
/// <param name="Page">The 1-based page number.</param>
/// <param name="Size">The page size asked for.</param>
/// <param name="Total">The number of users in all pages.</param>
public sealed record UserViewPage(IReadOnlyList<UserView> Items, int Page, int Size, long Total)
{
    /// <summary>What <paramref name="viewerId"/> may see of <paramref name="page"/>.</summary>
    public static UserViewPage For(UserPage page, long? viewerId) =>
        new(page.Items.Select(u => UserView.For(u, viewerId)).ToList(), page.Page, page.Size, page.Total);
}
