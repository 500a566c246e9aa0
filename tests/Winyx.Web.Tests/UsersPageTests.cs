using System.Net;
using Microsoft.AspNetCore.Http;
using Winyx.Web.Tests.Fakes;
using Winyx.Web.Tests.Infrastructure;

namespace Winyx.Web.Tests;

/// <summary>The users list: members only, paged, others' e-mail addresses never shown.</summary>
[Collection(FakeApiWebCollection.Name)]
public sealed class UsersPageTests : FakeApiWebTest
{
    public UsersPageTests(FakeApiWebFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task UsersPageWithoutSessionLeadsToLogInAndNeverAsksTheApi()
    {
        using var response = await Client.GetAsync("/users?page=2");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/login?returnUrl=%2Fusers%3Fpage%3D2", FormClient.RedirectTarget(response));
        Assert.DoesNotContain(Fixture.Api.Requests, r => r.Path == "/api/users");
    }

    [Fact]
    public async Task UsersListPagesThroughTheApi()
    {
        await Client.LogInAsync();
        string? asked = null;
        Fixture.Api.ListUsers = request =>
        {
            asked = request.QueryString.Value;
            return Results.Ok(new { items = new[] { FakeApi.OtherUser("Grace Hopper") }, page = 2, size = 10, total = 25 });
        };

        using var response = await Client.GetAsync("/users?page=2");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("?page=2&size=10", asked);
        Assert.Contains("Grace Hopper", html, StringComparison.Ordinal);
        Assert.Contains("Page 2 of 3", html, StringComparison.Ordinal);
        Assert.Contains("href=\"users?page=1\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"users?page=3\"", html, StringComparison.Ordinal);
        Assert.Contains($"Bearer {FakeApi.Token}", Fixture.Api.Authorizations);
    }

    [Fact]
    public async Task OnlyTheSignedInUsersOwnRowIsMarkedAndNoEmailIsShown()
    {
        await Client.LogInAsync();
        Fixture.Api.ListUsers = _ => Results.Ok(new
        {
            items = new[] { FakeApi.User("Ada Lovelace", "ada@example.com"), FakeApi.OtherUser("Grace Hopper") },
            page = 1, size = 10, total = 2,
        });

        using var response = await Client.GetAsync("/users");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Grace Hopper", html, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, @"\(you\)"));
        Assert.DoesNotContain("<th>Email</th>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutOfRangePagingIsClampedBeforeTheApi()
    {
        await Client.LogInAsync();
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
