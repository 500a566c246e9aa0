using MySqlConnector;
using Xunit;
using Xunit.Abstractions;

namespace Winyx.Testing.Tests.Fixtures;

public sealed class MariaDbFixtureTests(MariaDbFixture db, ITestOutputHelper output) : IClassFixture<MariaDbFixture>
{
    [Fact]
    public async Task ServesTablesInUserdb()
    {
        output.WriteLine($"MariaDbFixture started in {db.StartupDuration.TotalMilliseconds:0} ms (container: {db.UsesContainer})");
        await using var connection = await OpenAsync(db.ConnectionString);

        await ExecuteAsync(connection, "CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(50) NOT NULL)");
        await ExecuteAsync(connection, "INSERT INTO users VALUES (1, 'alice'), (2, 'bob')");

        Assert.Equal("bob", await ScalarAsync<string>(connection, "SELECT name FROM users WHERE id = 2"));
    }

    [Fact]
    public async Task ServerAndDatabasesAreUtf8mb4()
    {
        var connectionString = await db.CreateDatabaseAsync();
        await using var connection = await OpenAsync(connectionString);

        Assert.Equal("utf8mb4", await ScalarAsync<string>(connection, "SELECT @@character_set_server"));
        Assert.Equal("utf8mb4", await ScalarAsync<string>(connection, "SELECT @@character_set_database"));
        await ExecuteAsync(connection, "CREATE TABLE notes (body VARCHAR(20))");
        await ExecuteAsync(connection, "INSERT INTO notes VALUES ('監視 🚨')");
        Assert.Equal("監視 🚨", await ScalarAsync<string>(connection, "SELECT body FROM notes"));
    }

    [Fact]
    public async Task TheAppUserLogsInOverTcpFromLoopback()
    {
        await using var connection = await OpenAsync(db.ConnectionString);

        var account = await ScalarAsync<string>(connection, "SELECT CURRENT_USER()");

        Assert.Equal(db.UsesContainer ? "winyx_app@%" : "winyx_app@127.0.0.1", account);
    }

    [Fact]
    public async Task CreatedDatabasesIsolateTests()
    {
        var first = await db.CreateDatabaseAsync();
        var second = await db.CreateDatabaseAsync();
        await using (var connection = await OpenAsync(first))
        {
            await ExecuteAsync(connection, "CREATE TABLE only_here (id INT)");
        }

        await using var other = await OpenAsync(second);
        Assert.Equal(0L, await ScalarAsync<long>(other, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()"));
    }

    [Fact]
    public async Task TheExporterUserHasTheGrantsMysqldExporterNeeds()
    {
        var exporter = Winyx.Hosting.MySql.MariaDbConnectionString.For(db.Port, db.ExporterUser.Name, db.ExporterUser.Password);
        await using var connection = await OpenAsync(exporter);

        var grants = await ScalarAsync<string>(connection, "SHOW GRANTS FOR CURRENT_USER()");

        Assert.Contains("PROCESS", grants, StringComparison.Ordinal);
        Assert.Contains("SLAVE MONITOR", grants, StringComparison.Ordinal);
        // MariaDB 10.5+ shows REPLICATION CLIENT under its new name.
        Assert.Contains("BINLOG MONITOR", grants, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RootCannotLogInWithoutItsPassword()
    {
        var noPassword = Winyx.Hosting.MySql.MariaDbConnectionString.For(db.Port, "root", string.Empty);

        var error = await Assert.ThrowsAsync<MySqlException>(() => OpenAsync(noPassword));

        Assert.Equal(MySqlErrorCode.AccessDenied, error.ErrorCode);
    }

    internal static async Task<MySqlConnection> OpenAsync(string connectionString)
    {
        var connection = new MySqlConnection(new MySqlConnectionStringBuilder(connectionString) { Pooling = false, ConnectionTimeout = 5 }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    internal static async Task ExecuteAsync(MySqlConnection connection, string sql)
    {
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    internal static async Task<T> ScalarAsync<T>(MySqlConnection connection, string sql)
    {
        await using var command = new MySqlCommand(sql, connection);
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }
}
