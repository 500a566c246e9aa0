using MySqlConnector;
using Winyx.Hosting.MySql;
using Winyx.Hosting.Redis;
using Winyx.Testing.LocalServers;
using Winyx.Hosting.Executables;
using Winyx.Testing.Processes;
using Xunit;
using static Winyx.Testing.Tests.Fixtures.MariaDbFixtureTests;

namespace Winyx.Testing.Tests.LocalServers;

public sealed class MariaDbServerTests : IDisposable
{
    private readonly string _directory = TestDirectories.Create("mariadb-server");

    private MariaDbServerOptions Options(string rootPassword) => new(Path.Combine(_directory, "data"), rootPassword)
    {
        TemplateCacheDirectory = TestDirectories.TemplateCache,
        ExtraArguments = ["--innodb-buffer-pool-size=32M"],
    };

    [Fact]
    public async Task ARestartOnAnExistingDataDirectoryReappliesTheSetUpAndKeepsTheData()
    {
        var first = Options("root-secret") with { Databases = ["appdb"], Users = [new("app", "first-password")] };
        await using (var server = new MariaDbServer(first))
        {
            await server.StartAsync();
            Assert.Contains(server.Output.Snapshot(), line => line.Text.Contains("ready for connections", StringComparison.Ordinal));
            await using var connection = await OpenAsync(server.GetConnectionString(first.Users[0], "appdb"));
            await ExecuteAsync(connection, "CREATE TABLE kept (id INT)");
        }

        var second = Options("root-secret") with { Databases = ["appdb", "otherdb"], Users = [new("app", "second-password")] };
        await using (var server = new MariaDbServer(second))
        {
            await server.StartAsync();
            await using var connection = await OpenAsync(server.GetConnectionString(second.Users[0], "appdb"));

            Assert.Equal(0L, await ScalarAsync<long>(connection, "SELECT COUNT(*) FROM kept"));
            Assert.Equal(1L, await ScalarAsync<long>(connection, "SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = 'otherdb'"));
            await Assert.ThrowsAsync<MySqlException>(() => OpenAsync(server.GetConnectionString(first.Users[0], "appdb")));
        }
    }

    [Fact]
    public async Task AnExistingDataDirectoryWithAnotherRootPasswordFailsWithAClearMessage()
    {
        await using (var server = new MariaDbServer(Options("original-root")))
        {
            await server.StartAsync();
        }

        await using var wrong = new MariaDbServer(Options("another-root"));
        var error = await Assert.ThrowsAsync<LocalServerStartException>(() => wrong.StartAsync());

        Assert.Contains("configured password", error.Message, StringComparison.Ordinal);
        Assert.False(wrong.IsRunning);
    }

    [Fact]
    public async Task AMissingServerBinaryIsReportedWithTheMariaDbInstallLine()
    {
        await using var server = new MariaDbServer(Options("root-secret") with { ServerExecutable = "/nonexistent/mariadbd" });

        var error = await Assert.ThrowsAsync<MissingExecutableException>(() => server.StartAsync());

        Assert.Equal("/nonexistent/mariadbd", error.Executable);
        Assert.EndsWith("apt-get install -y mariadb-server", error.InstallHint, StringComparison.Ordinal);
    }

    public void Dispose() => TestDirectories.Delete(_directory);
}
