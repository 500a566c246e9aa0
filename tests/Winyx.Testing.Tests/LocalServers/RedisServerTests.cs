using StackExchange.Redis;
using Winyx.Hosting.MySql;
using Winyx.Hosting.Redis;
using Winyx.Testing.LocalServers;
using Winyx.Hosting.Executables;
using Winyx.Testing.Processes;
using Xunit;

namespace Winyx.Testing.Tests.LocalServers;

public sealed class RedisServerTests : IDisposable
{
    private readonly string _directory = TestDirectories.Create("redis-server");

    [Fact]
    public async Task APersistentRedisKeepsItsKeysAcrossARestart()
    {
        await using var server = new RedisServer(new RedisServerOptions(_directory) { Persistent = true });
        await server.StartAsync();
        await using (var connection = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString))
        {
            await connection.GetDatabase().StringSetAsync("survivor", "yes");
        }

        await server.StopAsync();
        await server.StartAsync();

        await using var reconnected = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString);
        Assert.Equal("yes", (string?)await reconnected.GetDatabase().StringGetAsync("survivor"));
    }

    [Fact]
    public async Task AServerThatExitsDuringStartIsReportedWithItsOwnOutput()
    {
        await using var server = new RedisServer(new RedisServerOptions(_directory) { ExtraArguments = ["--no-such-directive", "1"] });

        var error = await Assert.ThrowsAsync<LocalServerStartException>(() => server.StartAsync());

        Assert.Contains("exited with code", error.Message, StringComparison.Ordinal);
        Assert.Contains("no-such-directive", error.OutputTail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingServerBinaryIsReportedWithTheRedisInstallLine()
    {
        await using var server = new RedisServer(new RedisServerOptions(_directory) { ServerExecutable = "/nonexistent/redis-server" });

        var error = await Assert.ThrowsAsync<MissingExecutableException>(() => server.StartAsync());

        Assert.EndsWith("apt-get install -y redis-server", error.InstallHint, StringComparison.Ordinal);
    }

    public void Dispose() => TestDirectories.Delete(_directory);
}
