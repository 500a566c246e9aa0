using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;
using Winyx.Api.Caching;

namespace Winyx.Api.HealthChecks;

/// <summary>
/// Pings Redis. The API serves without Redis (profiles come from UserRpc), so a failure is Degraded:
/// <c>/health</c> still answers 200 and names redis.
/// </summary>
public sealed class RedisHealthCheck(RedisStore redis) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await redis.PingAsync();
            return HealthCheckResult.Healthy($"redis answered PING in {latency.TotalMilliseconds:F1} ms");
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or InvalidOperationException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus,
                $"redis is unavailable ({ex.GetType().Name}); serving without cache");
        }
    }
}
