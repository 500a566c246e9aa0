using MySqlConnector;
using Winyx.Contracts.Users.V1;
using Winyx.UserRpc.Tests.Infrastructure;
using Xunit;

namespace Winyx.UserRpc.Tests;

/// <summary>
/// Reads run as server-side prepared statements, prepared once per pooled connection rather than per call:
/// MariaDB parses the query text once. The collection runs its classes one at a time and the fixture's
/// MariaDB serves only this service, so the server's statement counters move by what the calls did.
/// </summary>
[Collection(UserRpcCollection.Name)]
public sealed class PreparedStatementTests(UserRpcFixture fixture)
{
    private const int Reads = 40;

    [Fact]
    public async Task ReadsExecutePreparedStatementsThatArePreparedOncePerConnection()
    {
        var users = fixture.Service.Users;
        var user = await users.RegisterAsync();
        await users.GetUserAsync(new GetUserRequest { Id = user.Id }); // the connection prepares the read once

        var before = await StatementCountersAsync();
        for (var i = 0; i < Reads; i++)
        {
            Assert.Equal(user, (await users.GetUserAsync(new GetUserRequest { Id = user.Id })).User);
        }

        var after = await StatementCountersAsync();
        Assert.True(after.Executed - before.Executed >= Reads, $"{after.Executed - before.Executed} prepared executions for {Reads} reads");
        Assert.True(after.Prepared - before.Prepared <= 2, $"{after.Prepared - before.Prepared} statements prepared for {Reads} sequential reads");
    }

    private async Task<(long Prepared, long Executed)> StatementCountersAsync()
    {
        await using var connection = new MySqlConnection(fixture.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand("SHOW GLOBAL STATUS WHERE Variable_name IN ('Com_stmt_prepare', 'Com_stmt_execute')", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var counters = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        while (await reader.ReadAsync())
        {
            counters[reader.GetString(0)] = long.Parse(reader.GetString(1), System.Globalization.CultureInfo.InvariantCulture);
        }

        return (counters["Com_stmt_prepare"], counters["Com_stmt_execute"]);
    }
}
