using System.Net;
using System.Net.Http.Json;
using Winyx.Api.Tests.Infrastructure;
using Xunit;

namespace Winyx.Api.Tests;

/// <summary>GET /me carries the profile's version as ETag; PUT /me with a stale If-Match is refused with 412.</summary>
[Collection(ApiCollection.Name)]
public sealed class ConcurrencyTests(ApiFixture fixture)
{
    [Fact]
    public async Task TheSecondTabSavingWithTheOldETagGets412AndChangesNothing()
    {
        using var client = fixture.CreateClient();
        await client.SignUpAsync("Two Tabs");
        var etag = await ReadETagAsync(client);

        using (var first = await PutAsync(client, new { name = "First Tab" }, etag))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.NotEqual(etag, first.Headers.ETag?.ToString());
        }

        using var second = await PutAsync(client, new { name = "Second Tab" }, etag);

        var problem = await ProblemDto.ReadAsync(second, HttpStatusCode.PreconditionFailed);
        Assert.Equal("Profile changed elsewhere", problem.Title);
        var me = await client.Http.GetFromJsonAsync<UserDto>("/api/users/me");
        Assert.Equal("First Tab", me!.Name);
    }

    [Fact]
    public async Task TheETagOfGetMeIsAcceptedAndTheAnswerCarriesTheNextOne()
    {
        using var client = fixture.CreateClient();
        await client.SignUpAsync("Tagged");
        var etag = await ReadETagAsync(client);

        using var updated = await PutAsync(client, new { name = "Tagged Again" }, etag);

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var next = updated.Headers.ETag?.ToString();
        Assert.NotNull(next);
        Assert.Equal(next, await ReadETagAsync(client));
        using var again = await PutAsync(client, new { name = "Tagged Thrice" }, next);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Theory]
    [InlineData("W/\"1\"")]
    [InlineData("\"not-a-version\"")]
    [InlineData("\"99999999999999999999\"")]
    public async Task ATagThatIsNotACurrentStrongVersionIs412(string ifMatch)
    {
        using var client = fixture.CreateClient();
        await client.SignUpAsync("Unchanged");

        using var response = await PutAsync(client, new { name = "Changed" }, ifMatch);

        await ProblemDto.ReadAsync(response, HttpStatusCode.PreconditionFailed);
        Assert.Equal("Unchanged", (await client.Http.GetFromJsonAsync<UserDto>("/api/users/me"))!.Name);
    }

    [Theory]
    [InlineData("no quotes")]
    [InlineData("\"1\", \"2\"")]
    public async Task AMalformedIfMatchNamesTheHeader(string ifMatch)
    {
        using var client = fixture.CreateClient();
        await client.SignUpAsync();

        using var response = await PutAsync(client, new { name = "Changed" }, ifMatch);

        await ProblemDto.ReadInvalidAsync(response, "If-Match");
    }

    [Fact]
    public async Task WithoutIfMatchOrWithAStarTheUpdateApplies()
    {
        using var client = fixture.CreateClient();
        await client.SignUpAsync();

        using var plain = await PutAsync(client, new { name = "Plain" }, null);
        using var star = await PutAsync(client, new { name = "Star" }, "*");

        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Equal(HttpStatusCode.OK, star.StatusCode);
    }

    private static async Task<string> ReadETagAsync(ApiClient client)
    {
        using var me = await client.Http.GetAsync(new Uri("/api/users/me", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        var etag = me.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak, "the ETag of /me must be strong: If-Match compares strongly");
        return etag.ToString();
    }

    private static async Task<HttpResponseMessage> PutAsync(ApiClient client, object body, string? ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri("/api/users/me", UriKind.Relative)) { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.Http.SendAsync(request);
    }
}
