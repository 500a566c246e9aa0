using System.Net;
using Winyx.Api.Tests.Infrastructure;
using Xunit;

namespace Winyx.Api.Tests;

/// <summary>Login is limited per account (failures) and per client IP (attempts).</summary>
[Collection(ApiCollection.Name)]
public sealed class LoginRateLimitTests(ApiFixture fixture)
{
    [Fact]
    public async Task AnAccountIsRefusedAfterTooManyFailedLogins()
    {
        using var client = fixture.CreateClient();
        var user = await client.RegisterAsync();
        var metrics = await MetricExpectation.Using(client)
            .Expect("user_logins_total", ApiFixture.AccountFailureLimit, ("status", "failure"))
            .Expect("user_logins_total", 1, ("status", "rate_limited"))
            .Expect("user_logins_total", 0, ("status", "success"))
            .SnapshotAsync();

        for (var i = 0; i < ApiFixture.AccountFailureLimit; i++)
        {
            using var failed = await client.PostLoginAsync(new { email = user.Email, password = "wrong password" });
            await ProblemDto.ReadAsync(failed, HttpStatusCode.Unauthorized);
        }

        // Even the right password is refused now, and from another address too: the limit is the account's.
        using var other = fixture.CreateClient();
        using var refused = await other.PostLoginAsync(new { email = user.Email, password = ApiClient.Password });

        await ProblemDto.ReadAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 without a Retry-After delay");
        await metrics.VerifyAsync();
    }

    [Fact]
    public async Task ASuccessfulLoginForgetsEarlierFailures()
    {
        using var client = fixture.CreateClient();
        var user = await client.RegisterAsync();

        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < ApiFixture.AccountFailureLimit - 1; i++)
            {
                using var failed = await client.PostLoginAsync(new { email = user.Email, password = "wrong password" });
                Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
            }

            // A fresh client for the success keeps this test under the per-IP limit.
            using var fresh = fixture.CreateClient();
            await fresh.LoginAsync(user.Email);
        }
    }

    [Fact]
    public async Task AClientIpIsRefusedAfterTooManyAttempts()
    {
        using var client = fixture.CreateClient();
        var metrics = await MetricExpectation.Using(client)
            .Expect("user_logins_total", ApiFixture.IpPermitLimit, ("status", "failure"))
            .Expect("user_logins_total", 1, ("status", "rate_limited"))
            .SnapshotAsync();

        // Every attempt names another account, so only the per-IP limit can refuse them.
        for (var i = 0; i < ApiFixture.IpPermitLimit; i++)
        {
            using var failed = await client.PostLoginAsync(new { email = ApiClient.NewEmail(), password = "wrong password" });
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        using var refused = await client.PostLoginAsync(new { email = ApiClient.NewEmail(), password = "wrong password" });
        await ProblemDto.ReadAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 without a Retry-After delay");
        await metrics.VerifyAsync();

        // Another address is unaffected.
        using var neighbour = fixture.CreateClient();
        await neighbour.SignUpAsync();
    }
}
