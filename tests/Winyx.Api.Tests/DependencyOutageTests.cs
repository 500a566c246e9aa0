using System.Net;
using System.Net.Http.Json;
using Winyx.Api.Tests.Infrastructure;
using Winyx.Testing;
using Winyx.Testing.Metrics;
using Xunit;

namespace Winyx.Api.Tests;

/// <summary>What clients see while a dependency is down, and that the API recovers without a restart.</summary>
[Collection(ApiCollection.Name)]
public sealed class DependencyOutageTests(ApiFixture fixture)
{
    private static readonly TimeSpan OutageTimeout = TimeSpan.FromSeconds(45);

    // The API's default UserRpc:ReadAttempts, which the fixture leaves alone.
    private const int ReadAttempts = 3;

    [Fact]
    public async Task UserRpcLosingItsDatabaseGives503ProblemsThenRecoversWithoutRestart()
    {
        using var client = fixture.CreateClient();
        await client.SignUpAsync();
        await fixture.Database.StopAsync();
        try
        {
            var response = await Poll.ForValueAsync(
                async () =>
                {
                    var r = await client.Http.GetAsync(new Uri("/api/users?page=1&size=1", UriKind.Relative));
                    if (r.StatusCode == HttpStatusCode.ServiceUnavailable)
                    {
                        return r;
                    }

                    r.Dispose();
                    return null;
                },
                OutageTimeout,
                "the API never answered 503 while UserRpc's database was down");
            using (response)
            {
                var problem = await ProblemDto.ReadAsync(response, HttpStatusCode.ServiceUnavailable);
                Assert.Equal("User service unavailable", problem.Title);
                Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "503 without Retry-After");
            }

            using var register = await client.PostRegisterAsync(new { name = "Down", email = ApiClient.NewEmail(), password = ApiClient.Password });
            Assert.True(register.StatusCode is HttpStatusCode.ServiceUnavailable, $"register answered {(int)register.StatusCode}");
            await fixture.WaitForHealthAsync("userrpc", "Unhealthy");
        }
        finally
        {
            await fixture.Database.StartAsync();
        }

        await Poll.UntilAsync(
            async () =>
            {
                using var r = await client.Http.GetAsync(new Uri("/api/users?page=1&size=1", UriKind.Relative));
                return r.StatusCode == HttpStatusCode.OK;
            },
            OutageTimeout,
            "the API never served again after the database came back");
        await fixture.WaitForHealthAsync("userrpc", "Healthy");
        await client.SignUpAsync();
    }

    [Fact]
    public async Task WithRedisDownUsersAreStillServedAndHealthIsDegraded()
    {
        using var client = fixture.CreateClient();
        var user = await client.SignUpAsync("Cacheless");
        await fixture.Redis.StopAsync();
        try
        {
            var fromRpc = await client.Http.GetFromJsonAsync<UserDto>($"/api/users/{user.Id}");
            Assert.Equal("Cacheless", fromRpc!.Name);
            using (var me = await client.Http.GetAsync(new Uri("/api/users/me", UriKind.Relative)))
            {
                Assert.Equal(HttpStatusCode.OK, me.StatusCode);
            }

            using var newcomer = fixture.CreateClient();
            await newcomer.SignUpAsync();

            await fixture.WaitForHealthAsync("redis", "Degraded");
            using var health = await client.Http.GetAsync(new Uri("/health", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }
        finally
        {
            await fixture.Redis.StartAsync();
        }

        await fixture.WaitForHealthAsync("redis", "Healthy");
        // The cache works again: the first read of a profile not yet cached fills both tiers, the
        // second is served from memory. (The profile read during the outage stayed in memory: L1 kept
        // serving while Redis was down.)
        var fresh = await client.RegisterAsync("After outage");
        var metrics = await MetricExpectation.Using(client).Expect("cache_hits_total", 1).Expect("cache_misses_total", 1).SnapshotAsync();
        await client.Http.GetFromJsonAsync<UserDto>($"/api/users/{fresh.Id}");
        await client.Http.GetFromJsonAsync<UserDto>($"/api/users/{fresh.Id}");
        await metrics.VerifyAsync();
        await using var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(fixture.Redis.ConnectionString);
        Assert.True(await redis.GetDatabase().KeyExistsAsync($"winyx:api:profile:{fresh.Id}"), "the read after the outage did not fill Redis");
    }

    [Theory]
    [InlineData("Internal", HttpStatusCode.BadGateway, "User service failed")]
    [InlineData("Unavailable", HttpStatusCode.ServiceUnavailable, "User service unavailable")]
    public async Task UserRpcFailuresBecome5xxProblemsNeverBare500s(string grpcStatus, HttpStatusCode expected, string title)
    {
        using var client = fixture.CreateClient();
        await client.SignUpAsync();
        await fixture.SetUserRpcChaosAsync(new { errorRatio = 1.0, routes = new[] { "ListUsers" }, status = grpcStatus });
        try
        {
            using var response = await client.Http.GetAsync(new Uri("/api/users?page=1&size=1", UriKind.Relative));

            var problem = await ProblemDto.ReadAsync(response, expected);
            Assert.Equal(title, problem.Title);
        }
        finally
        {
            await fixture.SetUserRpcChaosAsync(null);
        }

        using var healed = await client.Http.GetAsync(new Uri("/api/users?page=1&size=1", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, healed.StatusCode);
    }

    [Fact]
    public async Task ReadsAreTriedAgainOnUnavailableWritesOnlyOnceAndEachRequestIsTimedOnce()
    {
        using var client = fixture.CreateClient();
        await client.SignUpAsync();
        var calls = await MetricExpectation.Using(client)
            .Expect("rpc_client_duration_seconds_count", 1, ("rpc_method", "ListUsers"), ("grpc_status", "Unavailable"))
            .Expect("rpc_client_duration_seconds_count", 1, ("rpc_method", "Register"), ("grpc_status", "Unavailable"))
            .SnapshotAsync();
        var before = await fixture.FreshUserRpcScrapeAsync();
        await fixture.SetUserRpcChaosAsync(new { errorRatio = 1.0, routes = new[] { "ListUsers", "Register" }, status = "Unavailable" });
        try
        {
            using var list = await client.Http.GetAsync(new Uri("/api/users?page=1&size=1", UriKind.Relative));
            await ProblemDto.ReadAsync(list, HttpStatusCode.ServiceUnavailable);
            using var register = await client.PostRegisterAsync(new { name = "Unlucky", email = ApiClient.NewEmail(), password = ApiClient.Password });
            await ProblemDto.ReadAsync(register, HttpStatusCode.ServiceUnavailable);
        }
        finally
        {
            await fixture.SetUserRpcChaosAsync(null);
        }

        var after = await fixture.FreshUserRpcScrapeAsync();
        Assert.Equal(ReadAttempts, ServerCalls(after, "ListUsers") - ServerCalls(before, "ListUsers"));
        Assert.Equal(1, ServerCalls(after, "Register") - ServerCalls(before, "Register"));
        await calls.VerifyAsync();
    }

    private static double ServerCalls(PrometheusText scrape, string method) =>
        scrape.Value("grpc_server_call_duration_seconds_count", ("grpc_method", method), ("grpc_status", "Unavailable")) ?? 0;
}
