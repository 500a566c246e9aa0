using Grpc.Core;
using Grpc.Core.Interceptors;
using Winyx.ServiceDefaults.Chaos;

namespace Winyx.UserRpc.Chaos;

/// <summary>
/// The gRPC side of the shared chaos switch (<see cref="ChaosSwitch"/>, set through <c>/admin/chaos</c>):
/// injects its latency before the handler, then fails the chosen share of calls with the chosen status,
/// so the load tests can provoke the RPC latency and error alerts on demand. Targets are full method
/// names; a <c>routes</c> entry may name the method alone (<c>GetUser</c>).
/// </summary>
internal sealed class ChaosInterceptor(ChaosSwitch chaos) : Interceptor
{
    /// <inheritdoc />
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var decision = chaos.Decide(context.Method);
        await decision.DelayAsync(context.CancellationToken);

        if (decision.Fail)
        {
            throw new RpcException(new Status(StatusOf(decision), "Injected failure (chaos switch)."));
        }

        return await continuation(request, context);
    }

    private static StatusCode StatusOf(ChaosDecision decision) =>
        decision.FailureStatus == ChaosSettings.UnavailableStatus ? StatusCode.Unavailable : StatusCode.Internal;
}
