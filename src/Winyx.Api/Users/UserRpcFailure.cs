namespace Winyx.Api.Users;

/// <summary>The expected ways a UserRpc call can fail; each maps to one HTTP status at the edge.</summary>
public enum UserRpcFailure
{
    /// <summary>The call succeeded.</summary>
    None,

    /// <summary>No such user (gRPC NOT_FOUND).</summary>
    NotFound,

    /// <summary>The e-mail address is taken (gRPC ALREADY_EXISTS).</summary>
    EmailTaken,

    /// <summary>UserRpc rejected a field (gRPC INVALID_ARGUMENT with a BadRequest detail).</summary>
    Invalid,

    /// <summary>Wrong e-mail or password (gRPC UNAUTHENTICATED).</summary>
    BadCredentials,

    /// <summary>The profile changed concurrently (gRPC ABORTED).</summary>
    Conflict,
}
