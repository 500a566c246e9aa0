using System.Net;
using Microsoft.AspNetCore.Http;
using Winyx.Web.Tests.Fakes;

namespace Winyx.Web.Tests;

/// <summary>Saving the profile sends the ETag it was read with; a change made elsewhere since is shown, not overwritten.</summary>
[Collection(FakeApiWebCollection.Name)]
public sealed class ProfileConcurrencyTests : FakeApiWebTest
{
    public ProfileConcurrencyTests(FakeApiWebFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task SavingSendsTheETagTheFormWasReadWithAsIfMatch()
    {
        await Client.LogInAsync();
        Fixture.Api.Me = r => FakeApi.Profile(r, "\"41\"");

        using var saved = await Client.SubmitAsync("/profile", "profile", Fields("Ada King"));

        Assert.Equal(HttpStatusCode.Found, saved.StatusCode);
        var put = Assert.Single(Fixture.Api.Requests, r => r.Method == "PUT");
        Assert.Equal("\"41\"", put.IfMatch);
    }

    [Fact]
    public async Task AProfileChangedElsewhereSaysSoAndOffersAReload()
    {
        await Client.LogInAsync();
        Fixture.Api.UpdateMe = _ => FakeApi.Problem(StatusCodes.Status412PreconditionFailed, "The profile changed since the ETag in If-Match was read.");

        using var refused = await Client.SubmitAsync("/profile", "profile", Fields("Ada King"));
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Your profile was changed elsewhere. Reload the page and try again.", html, StringComparison.Ordinal);
        Assert.Contains("href=\"profile\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("If-Match", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryApiCallCarriesTheBrowsersAddressProvenByTheKey()
    {
        await Client.LogInAsync();
        (await Client.GetAsync("/users")).Dispose();

        Assert.NotEmpty(Fixture.Api.Requests);
        Assert.All(Fixture.Api.Requests, r =>
        {
            Assert.Equal("127.0.0.1", r.ForwardedFor);
            Assert.Equal(FakeApiWebFixture.ForwardedForKey, r.ForwardedKey);
        });
    }

    private static Dictionary<string, string> Fields(string name) => new()
    {
        ["Input.Name"] = name,
        ["Input.Email"] = "ada@example.com",
    };
}
