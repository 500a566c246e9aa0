using StackExchange.Redis;
using Xunit;

namespace Winyx.Testing.Tests.Fixtures;

public sealed class ParallelFixtureTests
{
    [Fact]
    public async Task TwoMariaDbFixturesStartedTogetherGetTheirOwnPortsAndDirectories()
    {
        var first = new MariaDbFixture();
        var second = new MariaDbFixture();
        try
        {
            await Task.WhenAll(first.InitializeAsync(), second.InitializeAsync());

            await using (var connection = await MariaDbFixtureTests.OpenAsync(first.ConnectionString))
            {
                await MariaDbFixtureTests.ExecuteAsync(connection, "CREATE TABLE only_in_first (id INT)");
            }

            Assert.NotEqual(first.Port, second.Port);
            Assert.Equal(0L, await TableCountAsync(second));
            if (!first.UsesContainer)
            {
                Assert.NotEqual(first.LocalServer!.DataDirectory, second.LocalServer!.DataDirectory);
            }
        }
        finally
        {
            await Task.WhenAll(first.DisposeAsync(), second.DisposeAsync());
        }

        if (!first.UsesContainer)
        {
            Assert.False(Directory.Exists(first.LocalServer!.DataDirectory), "disposing removes the throwaway directory");
        }
    }

    [Fact]
    public async Task TwoRedisFixturesStartedTogetherAreSeparateServers()
    {
        var first = new RedisFixture();
        var second = new RedisFixture();
        try
        {
            await Task.WhenAll(first.InitializeAsync(), second.InitializeAsync());
            await using var a = await ConnectionMultiplexer.ConnectAsync(first.ConnectionString);
            await using var b = await ConnectionMultiplexer.ConnectAsync(second.ConnectionString);

            await a.GetDatabase().StringSetAsync("owner", "first");

            Assert.NotEqual(first.Port, second.Port);
            Assert.False((await b.GetDatabase().StringGetAsync("owner")).HasValue);
        }
        finally
        {
            await Task.WhenAll(first.DisposeAsync(), second.DisposeAsync());
        }
    }

    private static async Task<long> TableCountAsync(MariaDbFixture fixture)
    {
        await using var connection = await MariaDbFixtureTests.OpenAsync(fixture.ConnectionString);
        return await MariaDbFixtureTests.ScalarAsync<long>(connection, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()");
    }
}
