using Grpc.Core;

namespace Winyx.Api.Users;

/// <summary>
/// UserRpc could not answer (unreachable, past its deadline, or failed unexpectedly). The exception
/// filter (<c>UserServiceFailureFilter</c>) turns it into a 503 (transient) or 502 problem response; the gRPC detail stays in the logs.
/// </summary>
public sealed class UserServiceException : Exception
{
    /// <summary>Creates the exception from the gRPC failure.</summary>
    public UserServiceException(string method, RpcException inner)
        : base($"UserRpc {method} failed with {inner.StatusCode}.", inner)
    {
        Method = method;
        StatusCode = inner.StatusCode;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public UserServiceException(string message)
        : base(message)
    {
        Method = string.Empty;
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public UserServiceException(string message, Exception inner)
        : base(message, inner)
    {
        Method = string.Empty;
    }

    /// <summary>Creates the exception without details.</summary>
    public UserServiceException()
        : this("UserRpc failed.")
    {
    }

    /// <summary>The gRPC method that failed.</summary>
    public string Method { get; }

    /// <summary>The gRPC status UserRpc (or the channel) returned.</summary>
    public StatusCode StatusCode { get; } = StatusCode.Unavailable;

    /// <summary>Whether retrying later can succeed (the service is down or slow rather than broken).</summary>
    public bool IsTransient => StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded
        or StatusCode.ResourceExhausted or StatusCode.Cancelled;
}
