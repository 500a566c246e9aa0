using Microsoft.Extensions.Diagnostics.HealthChecks;
using MySqlConnector;

namespace Winyx.UserRpc.Data;

/// <summary>
/// Healthy when the schema is applied and MySQL answers a ping on a fresh connection. Feeds both
/// <c>/health</c> and <c>grpc.health.v1</c> (NOT_SERVING while unhealthy).
/// </summary>
/// <remarks>
/// Written against MySqlConnector directly: AspNetCore.HealthChecks.MySql 3.1.1 (the only one
/// served) fails at run time with MySqlConnector 2.x. The connection bypasses the pool so a pooled
/// socket to a restarted server cannot answer for the server.
/// </remarks>
internal sealed class MySqlHealthCheck(DatabaseReadiness readiness, UserDbConnectionString connectionString) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!readiness.IsMigrated)
        {
            return HealthCheckResult.Unhealthy("The user database schema has not been applied yet.");
        }

        try
        {
            await using var connection = new MySqlConnection(connectionString.ForHealthCheck);
            await connection.OpenAsync(cancellationToken);
            return await connection.PingAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("MySQL did not answer the ping.");
        }
        catch (Exception ex) when (ex is MySqlException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("MySQL is unreachable: " + ex.Message);
        }
    }
}
