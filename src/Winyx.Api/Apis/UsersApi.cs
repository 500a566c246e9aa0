using System.ComponentModel;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Winyx.Api.Auth;
using Winyx.Api.Errors;
using Winyx.Api.Metrics;
using Winyx.Api.RateLimiting;
using Winyx.Api.Users;
using Winyx.Api.Validation;
using Winyx.Contracts.Users;

namespace Winyx.Api.Apis;

/// <summary>The REST user routes under <c>/api/users</c>.</summary>
public static class UsersApi
{
    private const string Tag = "Users";

    // Handler XML summaries double as the OpenAPI summaries (the document generator reads them), so they
    // repeat WithSummary's text.

    /// <summary>Maps the user routes.</summary>
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        // Every route can meet a failing UserRpc: one filter answers it (503, or 502 when unexpected).
        var api = app.MapGroup("api/users")
            .WithTags(Tag)
            .AddEndpointFilter<UserServiceFailureFilter>()
            .ProducesProblem(StatusCodes.Status502BadGateway)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapPost("/register", RegisterAsync)
            .WithName("RegisterUser")
            .WithSummary("Register a user")
            .WithDescription("Creates an account. 409 when the e-mail address is taken; 400 names each bad field.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/login", LoginAsync)
            .WithName("LoginUser")
            .WithSummary("Log in")
            .WithDescription("Exchanges an e-mail address and password for a bearer token valid for one hour. 429 when rate-limited.")
            .RequireRateLimiting(LoginRateLimiting.PerIpPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapGet("/me", GetMeAsync)
            .WithName("GetCurrentUser")
            .WithSummary("Get my profile")
            .WithDescription("The profile of the user the bearer token belongs to, with its version as the ETag header.")
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPut("/me", UpdateMeAsync)
            .WithName("UpdateCurrentUser")
            .WithSummary("Update my profile")
            .WithDescription("Changes the name and/or e-mail address of the token's user; omitted fields stay. "
                + "With If-Match (the ETag of GET /me) the change applies only if nobody changed the profile since: 412 otherwise.")
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        api.MapGet("/{id}", GetUserAsync)
            .WithName("GetUser")
            .WithSummary("Get a user")
            .WithDescription("One user by id, served from the Redis cache when possible. Bearer token required; "
                + "the e-mail address is shown only to its owner.")
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("", ListUsersAsync)
            .WithName("ListUsers")
            .WithSummary("List users")
            .WithDescription("One page of users, ordered by id. Bearer token required; each e-mail address is shown only to its owner.")
            .RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        return app;
    }

    /// <summary>Register a user</summary>
    public static async Task<Results<Created<UserView>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        RegisterUserRequest request, [AsParameters] UserApiServices services, CancellationToken ct)
    {
        var errors = new FieldErrors()
            .Check("name", UserRules.Name(request.Name))
            .Check("email", UserRules.Email(request.Email))
            .Check("password", UserRules.NewPassword(request.Password));
        if (errors.Any)
        {
            services.Metrics.Registration(RegistrationStatus.Invalid);
            return UserProblems.Invalid(errors.ByField);
        }

        var result = await CountingOutageAsync(
            () => services.Users.RegisterAsync(request.Name!.Trim(), request.Email!.Trim(), request.Password!, ct),
            () => services.Metrics.Registration(RegistrationStatus.Error));

        services.Metrics.Registration(result.Failure switch
        {
            UserRpcFailure.None => RegistrationStatus.Success,
            UserRpcFailure.EmailTaken => RegistrationStatus.Conflict,
            UserRpcFailure.Invalid => RegistrationStatus.Invalid,
            _ => RegistrationStatus.Error,
        });
        return result.Failure switch
        {
            UserRpcFailure.None => TypedResults.Created($"/api/users/{result.Value!.Id}", UserView.Owner(result.Value)),
            UserRpcFailure.EmailTaken => UserProblems.EmailTaken(),
            UserRpcFailure.Invalid => UserProblems.Invalid(result.FieldErrors.ToDictionary()),
            _ => throw UserProblems.Unexpected(result.Failure),
        };
    }

    /// <summary>Log in</summary>
    public static async Task<Results<Ok<LoginResponse>, ValidationProblem, ProblemHttpResult>> LoginAsync(
        LoginRequest request, HttpResponse response, [AsParameters] UserApiServices services, CancellationToken ct)
    {
        var errors = new FieldErrors()
            .Check("email", UserRules.OfferedEmail(request.Email))
            .Check("password", UserRules.OfferedPassword(request.Password));
        if (errors.Any)
        {
            services.Metrics.Login(LoginStatus.Invalid);
            return UserProblems.Invalid(errors.ByField);
        }

        var email = request.Email!.Trim();
        if (await services.Throttle.LockedForAsync(email) is { } lockedFor)
        {
            services.Metrics.Login(LoginStatus.RateLimited);
            return LoginRateLimiting.TooManyAttempts(response, lockedFor);
        }

        var result = await CountingOutageAsync(
            () => services.Users.AuthenticateAsync(email, request.Password!, ct),
            () => services.Metrics.Login(LoginStatus.Error));

        if (result.Value is not { } user)
        {
            // UserRpc's own field checks (INVALID_ARGUMENT) count as failed credentials too.
            await services.Throttle.RecordFailureAsync(email);
            services.Metrics.Login(LoginStatus.Failure);
            return UserProblems.BadCredentials();
        }

        await services.Throttle.ResetAsync(email);
        services.Metrics.Login(LoginStatus.Success);
        var (token, expiresAt) = services.Tokens.Issue(user);
        return TypedResults.Ok(new LoginResponse(token, expiresAt));
    }

    /// <summary>Get my profile</summary>
    public static async Task<Results<Ok<UserView>, ProblemHttpResult>> GetMeAsync(
        ClaimsPrincipal principal, HttpResponse response, [AsParameters] UserApiServices services, CancellationToken ct)
    {
        var id = CallerId(principal);
        var result = await services.Cache.GetOrLoadAsync(id, key => services.Users.GetUserAsync(key, ct));
        if (result.Value is not { } user)
        {
            return UserProblems.NotFound(id);
        }

        SetETag(response, user);
        return TypedResults.Ok(UserView.Owner(user));
    }

    /// <summary>Update my profile</summary>
    public static async Task<Results<Ok<UserView>, ValidationProblem, ProblemHttpResult>> UpdateMeAsync(
        UpdateProfileRequest request, ClaimsPrincipal principal, HttpRequest http, HttpResponse response,
        [AsParameters] UserApiServices services, CancellationToken ct)
    {
        var id = CallerId(principal);
        var ifMatch = ProfileETag.Read(http.Headers.IfMatch);
        var errors = ValidateUpdate(request).Check(ProfileETag.Field, ifMatch.Error);
        if (errors.Any)
        {
            return UserProblems.Invalid(errors.ByField);
        }

        if (ifMatch.NeverMatches)
        {
            return UserProblems.Stale();
        }

        var result = await services.Users.UpdateProfileAsync(id, request.Name?.Trim(), request.Email?.Trim(), ifMatch.Version, ct);
        if (result.Failure is UserRpcFailure.None or UserRpcFailure.Conflict)
        {
            await services.Cache.InvalidateAsync(id);
        }

        if (result.Value is { } updated)
        {
            SetETag(response, updated);
        }

        return result.Failure switch
        {
            UserRpcFailure.None => TypedResults.Ok(UserView.Owner(result.Value!)),
            UserRpcFailure.NotFound => UserProblems.NotFound(id),
            UserRpcFailure.EmailTaken => UserProblems.EmailTaken(),
            // With If-Match the caller named the version it read: a change since is a failed precondition.
            UserRpcFailure.Conflict when ifMatch.Version is not null => UserProblems.Stale(),
            UserRpcFailure.Conflict => UserProblems.ConcurrentUpdate(),
            UserRpcFailure.Invalid => UserProblems.Invalid(result.FieldErrors.ToDictionary()),
            _ => throw UserProblems.Unexpected(result.Failure),
        };
    }

    /// <summary>Get a user</summary>
    public static async Task<Results<Ok<UserView>, ValidationProblem, ProblemHttpResult>> GetUserAsync(
        [Description("The user id")] long id, ClaimsPrincipal principal, [AsParameters] UserApiServices services, CancellationToken ct)
    {
        var errors = new FieldErrors().Check("id", UserRules.Id(id));
        if (errors.Any)
        {
            return UserProblems.Invalid(errors.ByField);
        }

        var result = await services.Cache.GetOrLoadAsync(id, key => services.Users.GetUserAsync(key, ct));
        return result.Value is { } user ? TypedResults.Ok(UserView.For(user, CallerId(principal))) : UserProblems.NotFound(id);
    }

    /// <summary>List users</summary>
    public static async Task<Results<Ok<UserViewPage>, ValidationProblem>> ListUsersAsync(
        ClaimsPrincipal principal, [AsParameters] UserApiServices services, CancellationToken ct,
        [Description("1-based page number (default 1)")] int page = 1,
        [Description("Users per page, 1–100 (default 20)")] int size = 20)
    {
        var errors = new FieldErrors()
            .Check("page", UserRules.Page(page))
            .Check("size", UserRules.Size(size));
        if (errors.Any)
        {
            return UserProblems.Invalid(errors.ByField);
        }

        var result = await services.Users.ListUsersAsync(page, size, ct);
        return result.Failure switch
        {
            UserRpcFailure.None => TypedResults.Ok(UserViewPage.For(result.Value!, CallerId(principal))),
            UserRpcFailure.Invalid => UserProblems.Invalid(result.FieldErrors.ToDictionary()),
            _ => throw UserProblems.Unexpected(result.Failure),
        };
    }

    private static long CallerId(ClaimsPrincipal principal) =>
        principal.GetUserId() ?? throw new InvalidOperationException("Authorization let a token without sub through.");

    private static void SetETag(HttpResponse response, UserProfile user)
    {
        if (user.Version is { } version)
        {
            response.Headers.ETag = ProfileETag.Format(version);
        }
    }

    // A failing UserRpc still counts as an attempt (status error) before UserServiceFailureFilter
    // turns the exception into a 503 or 502.
    private static async Task<T> CountingOutageAsync<T>(Func<Task<T>> call, Action countError)
    {
        try
        {
            return await call();
        }
        catch (UserServiceException)
        {
            countError();
            throw;
        }
    }

    private static FieldErrors ValidateUpdate(UpdateProfileRequest request)
    {
        if (request.Name is null && request.Email is null)
        {
            const string nothing = "Give name, email or both.";
            return new FieldErrors().Check("name", nothing).Check("email", nothing);
        }

        return new FieldErrors()
            .Check("name", request.Name is null ? null : UserRules.Name(request.Name))
            .Check("email", request.Email is null ? null : UserRules.Email(request.Email));
    }
}
