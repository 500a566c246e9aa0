using Microsoft.Extensions.Diagnostics.HealthChecks;
using MySqlConnector;

namespace Winyx.Hosting.MySql;

/// <summary>Healthy when the application user can open the database and run <c>SELECT 1</c>.</summary>
internal sealed class MySqlDatabaseHealthCheck(MySqlDatabaseResource database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var connectionString = await database.ConnectionStringExpression.GetValueAsync(cancellationToken).ConfigureAwait(false) ?? string.Empty;
        try
        {
            // Unpooled: a pooled connection would outlive a stopped server and hide it.
            var builder = new MySqlConnectionStringBuilder(connectionString) { Pooling = false, ConnectionTimeout = 2 };
            await using var connection = new MySqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new MySqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"{database.DatabaseName} answers");
        }
        catch (MySqlException ex)
        {
            return HealthCheckResult.Unhealthy(ex.Message);
        }
    }
}
