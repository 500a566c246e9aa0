using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Winyx.Api.Users;
using Winyx.Contracts.Users.V1;

namespace Winyx.Api.HealthChecks;

/// <summary>
/// Asks UserRpc's <c>grpc.health.v1</c> service about <c>winyx.user.v1.UserService</c>: Unhealthy when it answers
/// NOT_SERVING (its database is down) or does not answer at all.
/// </summary>
public sealed class UserRpcHealthCheck(Health.HealthClient client, IOptions<UserRpcOptions> options, TimeProvider time) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var reply = await client.CheckAsync(new HealthCheckRequest { Service = UserService.Descriptor.FullName },
                deadline: time.GetUtcNow().UtcDateTime + options.Value.HealthDeadline, cancellationToken: cancellationToken);
            return reply.Status == HealthCheckResponse.Types.ServingStatus.Serving
                ? HealthCheckResult.Healthy("userrpc is SERVING")
                : new HealthCheckResult(context.Registration.FailureStatus, $"userrpc reports {reply.Status}");
        }
        catch (RpcException ex)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"userrpc is unreachable ({ex.StatusCode})");
        }
    }
}
