using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Winyx.Api.Errors;

/// <summary>
/// Requests the routes never see because they cannot be read — broken JSON, a JSON value of the wrong
/// type, a number that overflows, a wrong content type, a body over the limit, a route or query value
/// that is not a number — answered as problem details naming the field, like the routes' own 400s.
/// Minimal APIs throw <see cref="BadHttpRequestException"/> for these (<c>ThrowOnBadRequest</c>);
/// this handler answers them, so they are neither logged as errors nor counted as 500s.
/// </summary>
public sealed partial class RequestProblems : IExceptionHandler
{
    /// <summary>The problem-details field naming the request body as a whole.</summary>
    public const string BodyField = "body";

    /// <summary>The 413 answer for a body over <paramref name="limit"/> bytes.</summary>
    public static ProblemHttpResult BodyTooLarge(long limit) => Problem(
        StatusCodes.Status413PayloadTooLarge, "Request body too large", BodyField,
        string.Create(CultureInfo.InvariantCulture, $"The request body must be at most {limit} bytes."));

    /// <summary>
    /// Names the field in the framework's own 413 and 415 answers, which come through the status-code
    /// pages with no detail (a JSON route refusing <c>text/plain</c> sets 415 without throwing).
    /// </summary>
    public static void NameTheField(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Extensions.ContainsKey("errors"))
        {
            return;
        }

        var (field, message) = problem.Status switch
        {
            StatusCodes.Status413PayloadTooLarge => (BodyField, "The request body is over the size limit."),
            StatusCodes.Status415UnsupportedMediaType => ("Content-Type", "Send the body as application/json."),
            _ => (null, null),
        };
        if (field is not null)
        {
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [message!] };
        }
    }

    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad || httpContext.Response.HasStarted)
        {
            return false;
        }

        await For(bad).ExecuteAsync(httpContext);
        return true;
    }

    private static ProblemHttpResult For(BadHttpRequestException bad) => bad switch
    {
        { StatusCode: StatusCodes.Status413PayloadTooLarge } => Problem(
            StatusCodes.Status413PayloadTooLarge, "Request body too large", BodyField, "The request body is over the size limit."),
        { StatusCode: StatusCodes.Status415UnsupportedMediaType } => Problem(
            StatusCodes.Status415UnsupportedMediaType, "Unsupported content type", "Content-Type", "Send the body as application/json."),
        { InnerException: JsonException json } => Problem(
            StatusCodes.Status400BadRequest, "One or more fields are invalid.", JsonField(json.Path), JsonProblem(json)),
        _ when ParameterName().Match(bad.Message) is { Success: true } parameter => Parameter(parameter.Groups["name"].Value),
        _ => Problem(StatusCodes.Status400BadRequest, "Bad request", BodyField, "The request could not be read."),
    };

    // A route or query value that does not bind ("abc" or 2^64 for a number); "request" is the body
    // parameter (missing or empty). The value itself is never quoted back.
    private static ProblemHttpResult Parameter(string name) =>
        name == "request"
            ? Problem(StatusCodes.Status400BadRequest, "One or more fields are invalid.", BodyField, "A JSON object is required.")
            : Problem(StatusCodes.Status400BadRequest, "One or more fields are invalid.", name, $"{name} must be a whole number in range.");

    // "$.email" → "email", "$" or nothing → "body": the JSON path of the value that failed.
    private static string JsonField(string? path) =>
        path is { Length: > 2 } && path.StartsWith("$.", StringComparison.Ordinal)
            ? JsonPathName().Replace(path[2..], "")
            : BodyField;

    // Never the exception's message: it can quote the rejected input, which may be a password.
    private static string JsonProblem(JsonException json) =>
        json.Path is { Length: > 2 } ? "The value is malformed JSON, of the wrong JSON type or out of range." : "The body is not a valid JSON object.";

    private static ProblemHttpResult Problem(int status, string title, string field, string message) =>
        TypedResults.Problem(
            title: title,
            statusCode: status,
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [message] } });

    [GeneratedRegex("""parameter "(?:[^"\s]+ )?(?<name>\w+)" """, RegexOptions.CultureInvariant)]
    private static partial Regex ParameterName();

    [GeneratedRegex(@"[\[.].*$", RegexOptions.CultureInvariant)]
    private static partial Regex JsonPathName();
}
