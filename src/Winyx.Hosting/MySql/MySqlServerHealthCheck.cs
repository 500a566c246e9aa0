using Microsoft.Extensions.Diagnostics.HealthChecks;
using MySqlConnector;

namespace Winyx.Hosting.MySql;

/// <summary>
/// Healthy when the server answers on its port. Access denied counts as an answer: on a fresh
/// data directory root has no password until provisioning (which waits for this check) sets it.
/// </summary>
internal sealed class MySqlServerHealthCheck(MySqlServerResource server) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!server.PrimaryEndpoint.IsAllocated)
        {
            return HealthCheckResult.Unhealthy("no endpoint allocated yet");
        }

        var rootPassword = await server.RootPasswordParameter.GetValueAsync(cancellationToken).ConfigureAwait(false) ?? string.Empty;
        try
        {
            await using var connection = new MySqlConnection(MariaDbProvisioner.AdminConnectionString(server.PrimaryEndpoint.Port, rootPassword));
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"answers on 127.0.0.1:{server.PrimaryEndpoint.Port}");
        }
        catch (MySqlException ex) when (ex.ErrorCode == MySqlErrorCode.AccessDenied)
        {
            return HealthCheckResult.Healthy("answers (root not provisioned yet)");
        }
        catch (MySqlException ex)
        {
            return HealthCheckResult.Unhealthy(ex.Message);
        }
    }
}
