using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Winyx.Hosting.Redis;

/// <summary>Healthy when Redis accepts the password and answers <c>PING</c>.</summary>
internal sealed class LocalRedisHealthCheck(LocalRedisResource redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!redis.PrimaryEndpoint.IsAllocated)
        {
            return HealthCheckResult.Unhealthy("no endpoint allocated yet");
        }

        var password = await redis.PasswordParameter.GetValueAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await RedisPing.PingAsync(redis.PrimaryEndpoint.Port, password, cancellationToken).ConfigureAwait(false)
                ? HealthCheckResult.Healthy("answered PING")
                : HealthCheckResult.Unhealthy("no PONG");
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy(ex.Message);
        }
    }
}
