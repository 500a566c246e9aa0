using System.Diagnostics;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Winyx.UserRpc.Diagnostics;

namespace Winyx.UserRpc.Grpc;

/// <summary>
/// Records <c>grpc_server_call_duration_seconds{grpc_method,grpc_status}</c> for every unary call.
/// gRPC answers HTTP 200 even for failed calls, so HTTP metrics cannot see gRPC errors; this can.
/// Registered first, so the duration includes injected chaos latency and every status mapping.
/// </summary>
internal sealed class ServerCallMetricsInterceptor(UserRpcMetrics metrics) : Interceptor
{
    /// <inheritdoc />
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var started = Stopwatch.GetTimestamp();
        var status = StatusCode.Unknown; // what grpc-dotnet answers for an unhandled exception
        try
        {
            var response = await continuation(request, context);
            status = context.Status.StatusCode;
            return response;
        }
        catch (RpcException ex)
        {
            status = ex.StatusCode;
            throw;
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            status = context.Deadline < DateTime.UtcNow ? StatusCode.DeadlineExceeded : StatusCode.Cancelled;
            throw;
        }
        finally
        {
            metrics.RecordGrpcCall(GrpcMethod.ShortName(context.Method), status, Stopwatch.GetElapsedTime(started));
        }
    }
}
