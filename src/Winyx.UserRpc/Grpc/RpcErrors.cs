using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Winyx.UserRpc.Grpc;

/// <summary>
/// The service's failures as gRPC statuses, one named helper per case, with messages safe to show
/// a caller (no SQL, no stack traces, nothing that tells whether an e-mail is registered).
/// </summary>
internal static class RpcErrors
{
    /// <summary>INVALID_ARGUMENT with a <c>google.rpc.BadRequest</c> detail naming each bad field.</summary>
    public static RpcException InvalidArgument(IReadOnlyList<BadRequest.Types.FieldViolation> violations)
    {
        var fields = string.Join(", ", violations.Select(v => v.Field).Distinct());
        var status = new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = $"The request has invalid fields: {fields}.",
            Details = { Any.Pack(new BadRequest { FieldViolations = { violations } }) },
        };
        return status.ToRpcException();
    }

    /// <summary>NOT_FOUND for an unknown user id.</summary>
    public static RpcException UserNotFound(long id) =>
        new(new global::Grpc.Core.Status(StatusCode.NotFound, $"User {id} does not exist."));

    /// <summary>ALREADY_EXISTS: the e-mail belongs to another user.</summary>
    public static RpcException EmailTaken() =>
        new(new global::Grpc.Core.Status(StatusCode.AlreadyExists, "A user with this email already exists."));

    /// <summary>UNAUTHENTICATED, worded the same whether or not the e-mail is registered.</summary>
    public static RpcException InvalidCredentials() =>
        new(new global::Grpc.Core.Status(StatusCode.Unauthenticated, "Invalid email or password."));

    /// <summary>ABORTED: the user changed since the caller read it.</summary>
    public static RpcException StaleVersion() =>
        new(new global::Grpc.Core.Status(StatusCode.Aborted,
            "The user was changed by another request; read it again and retry with the new version."));

    /// <summary>UNAVAILABLE: MySQL is down or the schema is not applied yet; safe to retry.</summary>
    public static RpcException DatabaseUnavailable() =>
        new(new global::Grpc.Core.Status(StatusCode.Unavailable, "The user database is unavailable; retry later."));

    /// <summary>INTERNAL for a database failure the service cannot explain (details go to the log only).</summary>
    public static RpcException DatabaseFailed() =>
        new(new global::Grpc.Core.Status(StatusCode.Internal, "The user database failed to process the request."));
}
