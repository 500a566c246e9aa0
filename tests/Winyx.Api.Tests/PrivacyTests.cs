using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Winyx.Api.Tests.Infrastructure;
using Xunit;

namespace Winyx.Api.Tests;

/// <summary>Reading users needs a token; a user's e-mail address is shown to that user only.</summary>
[Collection(ApiCollection.Name)]
public sealed class PrivacyTests(ApiFixture fixture)
{
    [Theory]
    [InlineData(null)]
    [InlineData("not-a-jwt")]
    public async Task ReadingUsersWithoutAValidTokenIs401(string? token)
    {
        using var owner = fixture.CreateClient();
        var user = await owner.RegisterAsync();
        using var stranger = fixture.CreateClient();
        stranger.UseToken(token);

        using var one = await stranger.Http.GetAsync(new Uri($"/api/users/{user.Id}", UriKind.Relative));
        using var list = await stranger.Http.GetAsync(new Uri("/api/users?page=1&size=100", UriKind.Relative));

        await ProblemDto.ReadAsync(one, HttpStatusCode.Unauthorized);
        await ProblemDto.ReadAsync(list, HttpStatusCode.Unauthorized);
        Assert.DoesNotContain(user.Email, await one.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(user.Email, await list.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AnotherUserSeesIdNameAndJoinDateOnly()
    {
        using var owner = fixture.CreateClient();
        var user = await owner.SignUpAsync("Private Person");
        using var other = fixture.CreateClient();
        await other.SignUpAsync();

        var seen = await ReadObjectAsync(other, $"/api/users/{user.Id}");

        Assert.Equal(["createdAt", "id", "name"], seen.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(user.Id, seen.GetProperty("id").GetInt64());
        Assert.Equal("Private Person", seen.GetProperty("name").GetString());
        Assert.Equal(user.CreatedAt, seen.GetProperty("createdAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task TheOwnerSeesTheirOwnEmailByIdAndInTheList()
    {
        using var owner = fixture.CreateClient();
        var user = await owner.SignUpAsync();

        var byId = await owner.Http.GetFromJsonAsync<UserDto>($"/api/users/{user.Id}");
        var total = (await owner.Http.GetFromJsonAsync<UserPageDto>("/api/users?page=1&size=1"))!.Total;
        var lastPage = await owner.Http.GetFromJsonAsync<UserPageDto>($"/api/users?page={total}&size=1");

        Assert.Equal(user.Email, byId!.Email);
        var mine = Assert.Single(lastPage!.Items, u => u.Id == user.Id);
        Assert.Equal(user.Email, mine.Email);
    }

    [Fact]
    public async Task AListingShowsNoEmailButTheCallersOwn()
    {
        using var client = fixture.CreateClient();
        var me = await client.SignUpAsync();
        for (var i = 0; i < 2; i++)
        {
            using var neighbour = fixture.CreateClient();
            await neighbour.RegisterAsync($"Neighbour {i}");
        }

        using var page = await client.Http.GetAsync(new Uri("/api/users?page=1&size=100", UriKind.Relative));
        using var json = JsonDocument.Parse(await page.Content.ReadAsStringAsync());

        var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.True(items.Count >= 2, $"only {items.Count} users listed");
        Assert.All(items.Where(u => u.GetProperty("id").GetInt64() != me.Id), u =>
        {
            Assert.False(u.TryGetProperty("email", out _), $"user {u.GetProperty("id")} listed with an e-mail");
            Assert.False(u.TryGetProperty("updatedAt", out _));
        });
    }

    private static async Task<JsonElement> ReadObjectAsync(ApiClient client, string path)
    {
        using var response = await client.Http.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();
    }
}
