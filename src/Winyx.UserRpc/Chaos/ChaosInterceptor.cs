using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Winyx.UserRpc.Chaos;

/// <summary>
/// Injects the chaos switch's latency before the handler, then fails the chosen share of calls,
/// so the load tests can provoke the RPC latency and error alerts on demand.
/// </summary>
internal sealed class ChaosInterceptor(ChaosSwitch chaos) : Interceptor
{
    /// <inheritdoc />
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var decision = chaos.Decide(context.Method);
        if (decision.Latency > TimeSpan.Zero)
        {
            await Task.Delay(decision.Latency, context.CancellationToken);
        }

        if (decision.Failure is StatusCode failure)
        {
            throw new RpcException(new Status(failure, "Injected failure (chaos switch)."));
        }

        return await continuation(request, context);
    }
}
