using System.Diagnostics;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Winyx.Api.Metrics;

namespace Winyx.Api.Users;

/// <summary>
/// Records <c>rpc_client_duration_seconds{rpc_method,grpc_status}</c> for every unary call to UserRpc,
/// retries included, so the RpcHighLatency alert sees what the API waited for.
/// </summary>
public sealed class RpcClientMetricsInterceptor(ApiMetrics metrics) : Interceptor
{
    /// <inheritdoc />
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request,
        ClientInterceptorContext<TRequest, TResponse> context,
        AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        var started = Stopwatch.GetTimestamp();
        var call = continuation(request, context);
        return new AsyncUnaryCall<TResponse>(
            ObserveAsync(call.ResponseAsync, context.Method.Name, started),
            call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, call.Dispose);
    }

    private async Task<TResponse> ObserveAsync<TResponse>(Task<TResponse> response, string method, long started)
    {
        var status = StatusCode.OK;
        try
        {
            return await response.ConfigureAwait(false);
        }
        catch (RpcException ex)
        {
            status = ex.StatusCode;
            throw;
        }
        finally
        {
            metrics.RpcCall(method, status, Stopwatch.GetElapsedTime(started));
        }
    }
}
