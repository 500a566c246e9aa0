using MySqlConnector;
using Xunit;
using static Winyx.Testing.Tests.Fixtures.MariaDbFixtureTests;

namespace Winyx.Testing.Tests.Fixtures;

public sealed class MariaDbFixtureRestartTests(MariaDbFixture db) : IClassFixture<MariaDbFixture>
{
    [Fact]
    public async Task StopAndStartKeepThePortAndTheData()
    {
        await using (var connection = await OpenAsync(db.ConnectionString))
        {
            await ExecuteAsync(connection, "CREATE TABLE kept (id INT)");
            await ExecuteAsync(connection, "INSERT INTO kept VALUES (42)");
        }

        var port = db.Port;
        await db.StopAsync();
        await Assert.ThrowsAsync<MySqlException>(() => OpenAsync(db.ConnectionString));
        await db.StartAsync();

        Assert.Equal(port, db.Port);
        await using var reopened = await OpenAsync(db.ConnectionString);
        Assert.Equal(42, await ScalarAsync<int>(reopened, "SELECT id FROM kept"));
    }
}
