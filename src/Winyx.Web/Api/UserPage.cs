namespace Winyx.Web.Api;

/// <summary>One page of <c>GET /api/users?page=&amp;size=</c>.</summary>
/// <param name="Items">The users on this page.</param>
/// <param name="Page">1-based page number.</param>
/// <param name="Size">Page size asked for.</param>
/// <param name="Total">Number of users over all pages.</param>
public sealed record UserPage(IReadOnlyList<ApiUser> Items, int Page, int Size, long Total)
{
    /// <summary>Number of pages (at least one, so an empty list still has a page 1).</summary>
    public int PageCount => Size <= 0 ? 1 : (int)Math.Max(1, (Total + Size - 1) / Size);
}
