using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Winyx.Api.Users;

namespace Winyx.Api.Apis;

/// <summary>The problem-details answers of the user routes, one place for their wording.</summary>
public static class UserProblems
{
    /// <summary>404 for an unknown user id.</summary>
    public static ProblemHttpResult NotFound(long id) => TypedResults.Problem(
        title: "User not found",
        detail: string.Create(CultureInfo.InvariantCulture, $"No user has id {id}."),
        statusCode: StatusCodes.Status404NotFound);

    /// <summary>409 for a taken e-mail address.</summary>
    public static ProblemHttpResult EmailTaken() => TypedResults.Problem(
        title: "Email already registered",
        detail: "Another account uses this e-mail address.",
        statusCode: StatusCodes.Status409Conflict);

    /// <summary>409 when the profile changed concurrently.</summary>
    public static ProblemHttpResult ConcurrentUpdate() => TypedResults.Problem(
        title: "Profile changed concurrently",
        detail: "Someone else changed this profile; read it again and retry.",
        statusCode: StatusCodes.Status409Conflict);

    /// <summary>412 when <c>If-Match</c> names a version the profile no longer has.</summary>
    public static ProblemHttpResult Stale() => TypedResults.Problem(
        title: "Profile changed elsewhere",
        detail: "The profile changed since the ETag in If-Match was read; read it again (GET /api/users/me) and retry.",
        statusCode: StatusCodes.Status412PreconditionFailed,
        extensions: new Dictionary<string, object?> { ["field"] = ProfileETag.Field });

    /// <summary>401 for a wrong e-mail or password (which one is not said).</summary>
    public static ProblemHttpResult BadCredentials() => TypedResults.Problem(
        title: "Invalid credentials",
        detail: "The e-mail address or password is wrong.",
        statusCode: StatusCodes.Status401Unauthorized);

    /// <summary>400 naming each bad field.</summary>
    public static ValidationProblem Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "One or more fields are invalid.");

    /// <summary>
    /// The answer to a failure the route did not expect from UserRpc (for example NOT_FOUND from a
    /// register): the contract was broken, so report it as a failing dependency.
    /// </summary>
    public static UserServiceException Unexpected(UserRpcFailure failure) =>
        new($"UserRpc answered {failure}, which this route does not expect.");
}
