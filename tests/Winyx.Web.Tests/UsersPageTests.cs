using System.Net;
using Microsoft.AspNetCore.Http;
using Winyx.Web.Tests.Fakes;

namespace Winyx.Web.Tests;

/// <summary>The users list and its paging.</summary>
[Collection(FakeApiWebCollection.Name)]
public sealed class UsersPageTests : FakeApiWebTest
{
    public UsersPageTests(FakeApiWebFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task UsersListPagesThroughTheApi()
    {
        string? asked = null;
        Fixture.Api.ListUsers = request =>
        {
            asked = request.QueryString.Value;
            return Results.Ok(new { items = new[] { FakeApi.User("Grace Hopper", "grace@example.com") }, page = 2, size = 10, total = 25 });
        };

        using var response = await Client.GetAsync("/users?page=2");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("?page=2&size=10", asked);
        Assert.Contains("Grace Hopper", html, StringComparison.Ordinal);
        Assert.Contains("Page 2 of 3", html, StringComparison.Ordinal);
        Assert.Contains("href=\"users?page=1\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"users?page=3\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutOfRangePagingIsClampedBeforeTheApi()
    {
        string? asked = null;
        Fixture.Api.ListUsers = request =>
        {
            asked = request.QueryString.Value;
            return Results.Ok(new { items = Array.Empty<object>(), page = 1, size = 100, total = 0 });
        };

        using var response = await Client.GetAsync("/users?page=-3&size=5000");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("?page=1&size=100", asked);
    }
}
