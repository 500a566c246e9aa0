using System.Net;
using Winyx.Api.Tests.Infrastructure;
using Winyx.Testing;
using Xunit;

namespace Winyx.Api.Tests;

/// <summary>The business metrics move by exactly what the actions imply.</summary>
[Collection(ApiCollection.Name)]
public sealed class BusinessMetricsTests(ApiFixture fixture)
{
    [Fact]
    public async Task RegistrationsAreCountedByOutcome()
    {
        using var client = fixture.CreateClient();
        var metrics = await MetricExpectation.Using(client)
            .Expect("user_registrations_total", 2, ("status", "success"))
            .Expect("user_registrations_total", 1, ("status", "conflict"))
            .Expect("user_registrations_total", 1, ("status", "invalid"))
            .Expect("user_registrations_total", 0, ("status", "error"))
            .SnapshotAsync();

        var first = await client.RegisterAsync();
        await client.RegisterAsync();
        using (var duplicate = await client.PostRegisterAsync(new { name = "Again", email = first.Email, password = ApiClient.Password }))
        {
            Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        }

        using (var invalid = await client.PostRegisterAsync(new { name = "", email = "x", password = "y" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        }

        await metrics.VerifyAsync();
    }

    [Fact]
    public async Task LoginsAreCountedByOutcome()
    {
        using var client = fixture.CreateClient();
        var user = await client.RegisterAsync();
        var metrics = await MetricExpectation.Using(client)
            .Expect("user_logins_total", 2, ("status", "success"))
            .Expect("user_logins_total", 1, ("status", "failure"))
            .Expect("user_logins_total", 1, ("status", "invalid"))
            .Expect("user_logins_total", 0, ("status", "rate_limited"))
            .SnapshotAsync();

        await client.LoginAsync(user.Email);
        using (var wrong = await client.PostLoginAsync(new { email = user.Email, password = "wrong password" }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using (var invalid = await client.PostLoginAsync(new { email = "", password = "" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        }

        await client.LoginAsync(user.Email);
        await metrics.VerifyAsync();
    }

    [Fact]
    public async Task ActiveUsersCountsDistinctUsersNotRequests()
    {
        using var first = fixture.CreateClient();
        using var second = fixture.CreateClient();
        // Reads go through an anonymous client: a scrape's fence request with a token would count as activity.
        using var observer = fixture.CreateClient();
        await first.SignUpAsync();
        await second.SignUpAsync();
        var before = (await observer.FreshScrapeAsync()).Value("active_users") ?? 0;

        foreach (var client in new[] { first, second, first, second, first })
        {
            using var me = await client.Http.GetAsync(new Uri("/api/users/me", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        }

        // Activity is recorded without waiting for Redis, so give it a moment to land.
        double after = 0;
        await Poll.UntilAsync(async () => (after = await ActiveUsersAsync(observer)) >= before + 2, TimeSpan.FromSeconds(10),
            "active_users never counted the two new users");
        Assert.Equal(before + 2, after);
    }

    private static async Task<double> ActiveUsersAsync(ApiClient client) =>
        (await client.ScrapeAsync()).Value("active_users") ?? 0;
}
