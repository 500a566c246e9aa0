using System.Net.Http.Json;
using System.Text.Json;

namespace Winyx.Web.Api;

/// <summary>
/// A failed Api call as the pages see it: the operation, the HTTP status (503 when the Api could
/// not be reached at all) and the problem-details field errors, keyed by the Api's field names.
/// </summary>
/// <param name="Operation">The <see cref="ApiOperation"/> that failed.</param>
/// <param name="Status">HTTP status code.</param>
/// <param name="Title">The problem's title.</param>
/// <param name="Detail">The problem's detail, for logs; pages show <see cref="FriendlyMessage"/>.</param>
/// <param name="FieldErrors">Field name → messages, from a validation problem.</param>
public sealed record ApiError(
    string Operation,
    int Status,
    string? Title,
    string? Detail,
    IReadOnlyDictionary<string, string[]> FieldErrors)
{
    private static readonly IReadOnlyDictionary<string, string[]> NoFieldErrors =
        new Dictionary<string, string[]>();

    /// <summary>Whether the Api (or what it depends on) is unavailable rather than refusing the input.</summary>
    public bool IsUnavailable => Status is 502 or 503 or 504;

    /// <summary>
    /// Whether this is the Api's "email already registered" conflict. Register has no other 409;
    /// a profile update also answers 409 for a concurrent change, told apart by its title.
    /// </summary>
    public bool IsEmailTaken =>
        Status == StatusCodes.Status409Conflict
        && (Operation == ApiOperation.Register || Title?.Contains("email", StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>The message shown to the user; never a stack trace or an internal detail.</summary>
    public string FriendlyMessage => ApiErrorMessages.For(this);

    /// <summary>An error for a call that never got an answer (connection refused, timeout, open circuit).</summary>
    public static ApiError Unreachable(string operation, string reason) =>
        new(operation, StatusCodes.Status503ServiceUnavailable, "Unreachable", reason, NoFieldErrors);

    /// <summary>Reads the problem-details body of a failed response, tolerating any other body.</summary>
    public static async Task<ApiError> FromResponseAsync(
        string operation, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var problem = await ReadProblemAsync(response, cancellationToken);
        var fieldErrors = problem?.Errors is { Count: > 0 } errors
            ? new Dictionary<string, string[]>(errors, StringComparer.OrdinalIgnoreCase)
            : NoFieldErrors;
        return new ApiError(
            operation, (int)response.StatusCode, problem?.Title ?? response.ReasonPhrase, problem?.Detail, fieldErrors);
    }

    private static async Task<ProblemDocument?> ReadProblemAsync(
        HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType is null || !mediaType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            return await response.Content.ReadFromJsonAsync<ProblemDocument>(cancellationToken);
        }
        catch (JsonException)
        {
            // A malformed error body must not turn a clean 4xx into an exception page.
            return null;
        }
    }

    private sealed record ProblemDocument(string? Title, string? Detail, Dictionary<string, string[]>? Errors);
}
