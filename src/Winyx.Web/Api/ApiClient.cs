using System.Net.Http.Json;
using Polly;

namespace Winyx.Web.Api;

/// <summary>
/// Typed client for the Winyx REST Api. Pages call these methods and never build URLs; the base
/// address (<c>http://api</c>) is resolved by service discovery, and the session's bearer token is
/// attached by <see cref="Session.BearerTokenHandler"/>.
/// </summary>
public sealed partial class ApiClient(HttpClient http, ILogger<ApiClient> logger)
{
    /// <summary>The logical address service discovery resolves from <c>services__api__http__0</c>.</summary>
    public const string BaseAddress = "http://api";

    /// <summary>Largest page size the Api accepts.</summary>
    public const int MaxPageSize = 100;

    /// <summary>Registers a new account.</summary>
    public Task<ApiResult<ApiUser>> RegisterAsync(RegisterRequest request, CancellationToken cancellationToken) =>
        SendAsync<ApiUser>(HttpMethod.Post, "api/users/register", request, ApiOperation.Register, cancellationToken);

    /// <summary>Exchanges credentials for a bearer token.</summary>
    public Task<ApiResult<AuthToken>> LogInAsync(LogInRequest request, CancellationToken cancellationToken) =>
        SendAsync<AuthToken>(HttpMethod.Post, "api/users/login", request, ApiOperation.LogIn, cancellationToken);

    /// <summary>The signed-in user's profile, with its <see cref="ApiUser.ETag"/>.</summary>
    public Task<ApiResult<ApiUser>> GetMeAsync(CancellationToken cancellationToken) =>
        SendAsync<ApiUser>(HttpMethod.Get, "api/users/me", null, ApiOperation.GetMe, cancellationToken, withETag: WithETag);

    /// <summary>
    /// Changes the signed-in user's name and email. With <paramref name="ifMatch"/> (the ETag read with
    /// the profile) the Api refuses with 412 when the profile changed elsewhere since.
    /// </summary>
    public Task<ApiResult<ApiUser>> UpdateMeAsync(UpdateProfileRequest request, string? ifMatch, CancellationToken cancellationToken) =>
        SendAsync<ApiUser>(HttpMethod.Put, "api/users/me", request, ApiOperation.UpdateMe, cancellationToken, ifMatch, WithETag);

    /// <summary>One page of users; <paramref name="page"/> is 1-based.</summary>
    public Task<ApiResult<UserPage>> ListUsersAsync(int page, int size, CancellationToken cancellationToken) =>
        SendAsync<UserPage>(
            HttpMethod.Get, $"api/users?page={page}&size={size}", null, ApiOperation.ListUsers, cancellationToken);

    private static ApiUser WithETag(ApiUser user, HttpResponseMessage response) =>
        user with { ETag = response.Headers.ETag?.ToString() };

    private async Task<ApiResult<T>> SendAsync<T>(
        HttpMethod method, string path, object? body, string operation, CancellationToken cancellationToken,
        string? ifMatch = null, Func<T, HttpResponseMessage, T>? withETag = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Options.Set(ApiOperation.Key, operation);
        if (!string.IsNullOrEmpty(ifMatch))
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                var value = await response.Content.ReadFromJsonAsync<T>(cancellationToken);
                return value is null
                    ? Failed<T>(ApiError.Unreachable(operation, "empty response body"))
                    : ApiResult<T>.Ok(withETag is null ? value : withETag(value, response));
            }

            return Failed<T>(await ApiError.FromResponseAsync(operation, response, cancellationToken));
        }
        catch (Exception ex) when (IsUnreachable(ex, cancellationToken))
        {
            return Failed<T>(ApiError.Unreachable(operation, ex.GetType().Name + ": " + ex.Message));
        }
    }

    // Connection refused, a resilience timeout or an open circuit all mean "the Api is not there";
    // the page shows the 503 message instead of an exception page.
    private static bool IsUnreachable(Exception ex, CancellationToken cancellationToken) =>
        ex is HttpRequestException or ExecutionRejectedException
        || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested);

    private ApiResult<T> Failed<T>(ApiError error)
    {
        // 4xx answers are the user's input, shown on the page; 5xx and no answer are ours to fix.
        if (error.Status >= 500)
        {
            LogApiFailure(logger, error.Operation, error.Status, error.Title, error.Detail);
        }

        return ApiResult<T>.Fail(error);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Api call {Operation} failed ({Status} {Title}): {Detail}")]
    private static partial void LogApiFailure(ILogger logger, string operation, int status, string? title, string? detail);
}
