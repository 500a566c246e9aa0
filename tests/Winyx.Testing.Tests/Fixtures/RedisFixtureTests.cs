using StackExchange.Redis;
using Xunit;
using Xunit.Abstractions;

namespace Winyx.Testing.Tests.Fixtures;

public sealed class RedisFixtureTests(RedisFixture redis, ITestOutputHelper output) : IClassFixture<RedisFixture>
{
    [Fact]
    public async Task SetThenGetRoundTrips()
    {
        output.WriteLine($"RedisFixture started in {redis.StartupDuration.TotalMilliseconds:0} ms (container: {redis.UsesContainer})");
        await using var connection = await ConnectAsync();
        var database = connection.GetDatabase();

        await database.StringSetAsync("greeting", "こんにちは");

        Assert.Equal("こんにちは", (string?)await database.StringGetAsync("greeting"));
    }

    [Fact]
    public async Task MaxMemoryIsSetSoMemoryPercentageIsDefined()
    {
        await using var connection = await ConnectAsync();
        var server = connection.GetServer(redis.ConnectionString);

        var config = (await server.ConfigGetAsync("maxmemory*")).ToDictionary(p => p.Key, p => p.Value);

        Assert.Equal("67108864", config["maxmemory"]);
        Assert.Equal("allkeys-lru", config["maxmemory-policy"]);
    }

    private Task<ConnectionMultiplexer> ConnectAsync() =>
        ConnectionMultiplexer.ConnectAsync($"{redis.ConnectionString},allowAdmin=true,abortConnect=true,connectTimeout=5000");
}
