using StackExchange.Redis;
using Xunit;

namespace Winyx.Testing.Tests.Fixtures;

public sealed class RedisFixtureRestartTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    [Fact]
    public async Task StopMakesRedisUnreachableAndStartBringsItBackOnTheSamePort()
    {
        var options = ConfigurationOptions.Parse($"{redis.ConnectionString},abortConnect=true,connectTimeout=2000");

        await redis.StopAsync();
        await Assert.ThrowsAsync<RedisConnectionException>(() => ConnectionMultiplexer.ConnectAsync(options));
        await redis.StartAsync();

        await using var connection = await ConnectionMultiplexer.ConnectAsync(options);
        Assert.True((await connection.GetDatabase().PingAsync()) >= TimeSpan.Zero);
    }
}
