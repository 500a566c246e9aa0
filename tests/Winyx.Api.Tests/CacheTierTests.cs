using System.Net;
using System.Net.Http.Json;
using StackExchange.Redis;
using Winyx.Api.Tests.Infrastructure;
using Xunit;

namespace Winyx.Api.Tests;

/// <summary>
/// The profile cache's two tiers (HybridCache): this process's memory (L1) and Redis (L2, shared by
/// replicas), told apart by <c>cache_hits_total{tier}</c>, and an update through the API dropping both.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class CacheTierTests(ApiFixture fixture)
{
    [Fact]
    public async Task ASecondReadIsAnL1HitAndTheProfileIsSharedInRedis()
    {
        using var client = fixture.CreateClient();
        var user = await client.SignUpAsync("Tiered");
        var metrics = await MetricExpectation.Using(client)
            .Expect("cache_misses_total", 1)
            .Expect("cache_hits_total", 1, ("tier", "l1"))
            .Expect("cache_hits_total", 0, ("tier", "l2"))
            .SnapshotAsync();

        Assert.Equal("Tiered", (await GetAsync(client, user.Id)).Name);   // miss: UserRpc, then both tiers filled
        Assert.Equal("Tiered", (await GetAsync(client, user.Id)).Name);   // from memory

        await metrics.VerifyAsync();
        Assert.True(await RedisHasProfileAsync(user.Id), "the miss did not fill Redis (L2)");
    }

    [Fact]
    public async Task AnotherReplicaReadsTheProfileFromRedisAsAnL2Hit()
    {
        using var client = fixture.CreateClient();
        var user = await client.SignUpAsync("Shared");
        await GetAsync(client, user.Id);                                   // replica A: miss, fills Redis

        await using var replica = await fixture.StartApiAsync();
        using var replicaClient = new ApiClient(replica.BaseAddress);
        replicaClient.UseToken(client.Http.DefaultRequestHeaders.Authorization!.Parameter);
        var metrics = await MetricExpectation.Using(replicaClient)
            .Expect("cache_misses_total", 0)
            .Expect("cache_hits_total", 1, ("tier", "l2"))
            .Expect("cache_hits_total", 1, ("tier", "l1"))
            .SnapshotAsync();

        Assert.Equal("Shared", (await GetAsync(replicaClient, user.Id)).Name);  // B's memory is empty: Redis
        Assert.Equal("Shared", (await GetAsync(replicaClient, user.Id)).Name);  // now in B's memory too

        await metrics.VerifyAsync();
    }

    [Fact]
    public async Task UpdatingMyProfileDropsItFromMemoryAndFromRedis()
    {
        using var client = fixture.CreateClient();
        var user = await client.SignUpAsync("Before");
        await GetAsync(client, user.Id);
        await GetAsync(client, user.Id);
        Assert.True(await RedisHasProfileAsync(user.Id), "the profile was not cached in Redis");

        using (var update = await client.Http.PutAsJsonAsync("/api/users/me", new { name = "After" }))
        {
            Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        }

        Assert.False(await RedisHasProfileAsync(user.Id), "the update left the old profile in Redis (L2)");
        var metrics = await MetricExpectation.Using(client).Expect("cache_misses_total", 1).SnapshotAsync();
        Assert.Equal("After", (await GetAsync(client, user.Id)).Name);     // not the stale copy from memory
        await metrics.VerifyAsync();
    }

    [Fact]
    public async Task AnUnknownIdIsNotCachedSoItIsFoundOnceRegistered()
    {
        using var client = fixture.CreateClient();
        var known = await client.SignUpAsync();
        var next = known.Id + 1000;

        using (var missing = await client.Http.GetAsync(new Uri($"/api/users/{next}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        Assert.False(await RedisHasProfileAsync(next), "a not-found answer was cached in Redis");
        var metrics = await MetricExpectation.Using(client).Expect("cache_misses_total", 1).SnapshotAsync();
        using (var again = await client.Http.GetAsync(new Uri($"/api/users/{next}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);       // asked UserRpc again, not a cached 404
        }

        await metrics.VerifyAsync();
    }

    private static async Task<UserDto> GetAsync(ApiClient client, long id) =>
        (await client.Http.GetFromJsonAsync<UserDto>($"/api/users/{id}"))!;

    private async Task<bool> RedisHasProfileAsync(long id)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(fixture.Redis.ConnectionString);
        return await redis.GetDatabase().KeyExistsAsync($"winyx:api:profile:{id}");
    }
}
