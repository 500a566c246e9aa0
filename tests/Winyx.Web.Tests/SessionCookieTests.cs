using System.Net;
using Microsoft.AspNetCore.Http;
using Winyx.Web.Tests.Fakes;
using Winyx.Web.Tests.Infrastructure;

namespace Winyx.Web.Tests;

/// <summary>The session cookie: how the Api's token is kept, sent and dropped.</summary>
[Collection(FakeApiWebCollection.Name)]
public sealed class SessionCookieTests : FakeApiWebTest
{
    private static readonly Dictionary<string, string> Credentials = new()
    {
        ["Input.Email"] = "ada@example.com",
        ["Input.Password"] = "correct horse battery staple",
    };

    public SessionCookieTests(FakeApiWebFixture fixture)
        : base(fixture)
    {
    }

    [Fact]
    public async Task LogInKeepsTheTokenInAnHttpOnlySameSiteStrictCookie()
    {
        using var response = await Client.SubmitAsync("/login", "login", Credentials);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/profile", FormClient.RedirectTarget(response));
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("winyx_session=", StringComparison.Ordinal));
        Assert.StartsWith($"winyx_session={FakeApi.Token};", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("expires=", cookie, StringComparison.OrdinalIgnoreCase);
        // Plain HTTP here: a Secure cookie would never come back.
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ProfileSendsTheSessionTokenToTheApiAsBearer()
    {
        (await Client.SubmitAsync("/login", "login", Credentials)).Dispose();

        using var profile = await Client.GetAsync("/profile");

        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        Assert.Contains("Ada Lovelace", await profile.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains($"Bearer {FakeApi.Token}", Fixture.Api.Authorizations);
    }

    [Fact]
    public async Task ProfileWithoutSessionLeadsToLogIn()
    {
        using var profile = await Client.GetAsync("/profile");

        Assert.Equal(HttpStatusCode.Found, profile.StatusCode);
        Assert.Equal("/login?returnUrl=%2Fprofile", FormClient.RedirectTarget(profile));
        Assert.Empty(Fixture.Api.Authorizations);
    }

    [Fact]
    public async Task RejectedTokenEndsTheSessionAndLeadsToLogIn()
    {
        (await Client.SubmitAsync("/login", "login", Credentials)).Dispose();
        Fixture.Api.Me = _ => FakeApi.Problem(StatusCodes.Status401Unauthorized, "token expired");

        using var profile = await Client.GetAsync("/profile");

        Assert.Equal(HttpStatusCode.Found, profile.StatusCode);
        Assert.Equal("/login?returnUrl=%2Fprofile", FormClient.RedirectTarget(profile));
        Assert.DoesNotContain(Client.Cookies.GetCookies(Fixture.Web.BaseAddress), c => c.Name == "winyx_session");
    }

    [Fact]
    public async Task LogOutDropsTheSession()
    {
        (await Client.SubmitAsync("/login", "login", Credentials)).Dispose();

        using var response = await Client.SubmitAsync("/logout", "logout", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.DoesNotContain(Client.Cookies.GetCookies(Fixture.Web.BaseAddress), c => c.Name == "winyx_session");
        using var home = await Client.GetAsync("/");
        Assert.Contains(">Log in<", await home.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
