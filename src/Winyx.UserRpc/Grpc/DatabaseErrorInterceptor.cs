using Grpc.Core;
using Grpc.Core.Interceptors;
using Winyx.UserRpc.Data;

namespace Winyx.UserRpc.Grpc;

/// <summary>
/// Turns database failures into gRPC statuses for every UserService method, in one place:
/// schema not applied or MySQL down → UNAVAILABLE, unique e-mail → ALREADY_EXISTS, stale version →
/// ABORTED, anything else → INTERNAL (details logged, never sent).
/// </summary>
internal sealed partial class DatabaseErrorInterceptor(DatabaseReadiness readiness, ILogger<DatabaseErrorInterceptor> logger)
    : Interceptor
{
    /// <inheritdoc />
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (!readiness.IsMigrated)
        {
            throw RpcErrors.DatabaseUnavailable();
        }

        try
        {
            return await continuation(request, context);
        }
        catch (Exception ex) when (ex is not RpcException && !IsCallCancellation(ex, context))
        {
            throw Map(ex, context.Method);
        }
    }

    private RpcException Map(Exception exception, string method)
    {
        switch (DatabaseErrors.Classify(exception))
        {
            case DatabaseFailure.DuplicateKey:
                return RpcErrors.EmailTaken();
            case DatabaseFailure.ConcurrencyConflict:
                return RpcErrors.StaleVersion();
            case DatabaseFailure.Unavailable:
                // The message only: MySqlConnector's text says what failed; the stack adds nothing.
                LogDatabaseUnavailable(method, exception.GetBaseException().Message);
                return RpcErrors.DatabaseUnavailable();
            default:
                LogUnexpectedFailure(exception, method);
                return RpcErrors.DatabaseFailed();
        }
    }

    private static bool IsCallCancellation(Exception exception, ServerCallContext context) =>
        exception is OperationCanceledException && context.CancellationToken.IsCancellationRequested;

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} failed: the user database is unavailable ({Reason})")]
    private partial void LogDatabaseUnavailable(string method, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} failed with an unexpected error")]
    private partial void LogUnexpectedFailure(Exception exception, string method);
}
