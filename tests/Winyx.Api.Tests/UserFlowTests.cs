using System.Net;
using System.Net.Http.Json;
using Winyx.Api.Tests.Infrastructure;
using Xunit;

namespace Winyx.Api.Tests;

/// <summary>The user journey through the REST edge, against a real UserRpc, MariaDB and Redis.</summary>
[Collection(ApiCollection.Name)]
public sealed class UserFlowTests(ApiFixture fixture)
{
    [Fact]
    public async Task RegisterLoginReadUpdateAndReadBackWorkEndToEnd()
    {
        using var client = fixture.CreateClient();
        var email = ApiClient.NewEmail();

        using var registered = await client.PostRegisterAsync(new { name = "Ada", email, password = ApiClient.Password });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var body = await registered.Content.ReadAsStringAsync();
        Assert.DoesNotContain("password", body, StringComparison.OrdinalIgnoreCase);
        var user = (await registered.Content.ReadFromJsonAsync<UserDto>())!;
        Assert.Equal(new Uri($"/api/users/{user.Id}", UriKind.Relative), registered.Headers.Location);
        Assert.Equal(("Ada", email), (user.Name, user.Email));

        var login = await client.LoginAsync(email);
        Assert.InRange(login.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(55), DateTimeOffset.UtcNow.AddMinutes(65));
        client.UseToken(login.Token);

        var me = await client.Http.GetFromJsonAsync<UserDto>("/api/users/me");
        Assert.Equal(user.Id, me!.Id);

        using var updated = await client.Http.PutAsJsonAsync("/api/users/me", new { name = "Ada Lovelace" });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("Ada Lovelace", (await updated.Content.ReadFromJsonAsync<UserDto>())!.Name);

        var readBack = await client.Http.GetFromJsonAsync<UserDto>($"/api/users/{user.Id}");
        Assert.Equal(("Ada Lovelace", email), (readBack!.Name, readBack.Email));
    }

    [Fact]
    public async Task GetUserMissesThenHitsTheCacheAndAnUpdateInvalidatesIt()
    {
        using var client = fixture.CreateClient();
        var user = await client.SignUpAsync("Cached");
        var metrics = await MetricExpectation.Using(client)
            .Expect("cache_misses_total", 2)
            .Expect("cache_hits_total", 2)
            .SnapshotAsync();

        Assert.Equal("Cached", (await GetAsync(client, user.Id)).Name);   // miss, fills the cache
        Assert.Equal("Cached", (await GetAsync(client, user.Id)).Name);   // hit
        using (var update = await client.Http.PutAsJsonAsync("/api/users/me", new { name = "Renamed" }))
        {
            Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        }

        Assert.Equal("Renamed", (await GetAsync(client, user.Id)).Name);  // miss: the update dropped the entry
        Assert.Equal("Renamed", (await GetAsync(client, user.Id)).Name);  // hit
        await metrics.VerifyAsync();
    }

    [Fact]
    public async Task RegisteringATakenEmailReturns409()
    {
        using var client = fixture.CreateClient();
        var user = await client.RegisterAsync();
        var metrics = await MetricExpectation.Using(client)
            .Expect("user_registrations_total", 1, ("status", "conflict"))
            .Expect("user_registrations_total", 0, ("status", "success"))
            .SnapshotAsync();

        // UserRpc compares e-mail addresses case-insensitively.
        using var response = await client.PostRegisterAsync(new { name = "Twin", email = user.Email.ToUpperInvariant(), password = ApiClient.Password });

        await ProblemDto.ReadAsync(response, HttpStatusCode.Conflict);
        await metrics.VerifyAsync();
    }

    [Fact]
    public async Task ChangingMyEmailToATakenOneReturns409()
    {
        using var client = fixture.CreateClient();
        var other = await client.RegisterAsync();
        await client.SignUpAsync();

        using var response = await client.Http.PutAsJsonAsync("/api/users/me", new { email = other.Email });

        await ProblemDto.ReadAsync(response, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task ListUsersReturnsTheRequestedPage()
    {
        using var client = fixture.CreateClient();
        await client.SignUpAsync();
        for (var i = 0; i < 3; i++)
        {
            await client.RegisterAsync($"Lister {i}");
        }

        var page = await client.Http.GetFromJsonAsync<UserPageDto>("/api/users?page=1&size=2");
        Assert.Equal((1, 2, 2), (page!.Page, page.Size, page.Items.Count));
        Assert.True(page.Total >= 3, $"total {page.Total}");

        var beyond = await client.Http.GetFromJsonAsync<UserPageDto>($"/api/users?page={page.Total + 1}&size=1");
        Assert.Empty(beyond!.Items);
    }

    private static async Task<UserDto> GetAsync(ApiClient client, long id) =>
        (await client.Http.GetFromJsonAsync<UserDto>($"/api/users/{id}"))!;
}
