using System.Globalization;
using Winyx.Api.Users;

namespace Winyx.Api.Errors;

/// <summary>
/// Answers <see cref="UserServiceException"/> on the user routes: 503 with <c>Retry-After</c> when UserRpc
/// is down or slow, 502 when it failed unexpectedly; the gRPC details go to the log, not the client.
/// An endpoint filter rather than an exception handler: the outage is an expected answer of the route,
/// logged once here, not an unhandled exception the exception handler would log a second time.
/// </summary>
public sealed partial class UserServiceFailureFilter(ILogger<UserServiceFailureFilter> logger) : IEndpointFilter
{
    private const int RetryAfterSeconds = 5;

    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (UserServiceException failure)
        {
            LogFailure(logger, failure.Method, failure.StatusCode.ToString(), failure.Message);
            if (!failure.IsTransient)
            {
                return TypedResults.Problem(
                    title: "User service failed",
                    detail: "The user service failed to answer this request.",
                    statusCode: StatusCodes.Status502BadGateway);
            }

            context.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem(
                title: "User service unavailable",
                detail: "The user service is not answering right now. Try again shortly.",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "UserRpc call {Method} failed with {GrpcStatus}: {Reason}")]
    private static partial void LogFailure(ILogger logger, string method, string grpcStatus, string reason);
}
