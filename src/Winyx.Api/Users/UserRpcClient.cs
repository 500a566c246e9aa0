using Google.Rpc;
using Grpc.Core;
using Microsoft.Extensions.Options;
using Winyx.Contracts.Users.V1;
using Proto = Winyx.Contracts.Users.V1;

namespace Winyx.Api.Users;

/// <summary>
/// The API's only door to UserRpc. Handlers see <see cref="UserProfile"/> and
/// <see cref="UserRpcResult{T}"/>, never proto types; every call carries a deadline.
/// </summary>
public sealed class UserRpcClient(UserService.UserServiceClient client, IOptions<UserRpcOptions> options, TimeProvider time)
{
    /// <summary>Registers a user.</summary>
    public Task<UserRpcResult<UserProfile>> RegisterAsync(string name, string email, string password, CancellationToken ct) =>
        CallAsync(nameof(UserService.UserServiceClient.Register), o => client.RegisterAsync(
            new RegisterRequest { Name = name, Email = email, Password = password }, o), r => ToProfile(r.User), ct);

    /// <summary>Checks an e-mail and password.</summary>
    public Task<UserRpcResult<UserProfile>> AuthenticateAsync(string email, string password, CancellationToken ct) =>
        CallAsync(nameof(UserService.UserServiceClient.Authenticate), o => client.AuthenticateAsync(
            new AuthenticateRequest { Email = email, Password = password }, o), r => ToProfile(r.User), ct);

    /// <summary>Reads one user.</summary>
    public Task<UserRpcResult<UserProfile>> GetUserAsync(long id, CancellationToken ct) =>
        CallAsync(nameof(UserService.UserServiceClient.GetUser), o => client.GetUserAsync(
            new GetUserRequest { Id = id }, o), r => ToProfile(r.User), ct);

    /// <summary>Reads one page of users.</summary>
    public Task<UserRpcResult<UserPage>> ListUsersAsync(int page, int size, CancellationToken ct) =>
        CallAsync(nameof(UserService.UserServiceClient.ListUsers), o => client.ListUsersAsync(
            new ListUsersRequest { Page = page, Size = size }, o), ToPage, ct);

    /// <summary>
    /// Changes a user's name and/or e-mail; a null value leaves that field alone. With
    /// <paramref name="expectedVersion"/> the change applies only to that version (else <see cref="UserRpcFailure.Conflict"/>).
    /// </summary>
    public Task<UserRpcResult<UserProfile>> UpdateProfileAsync(long id, string? name, string? email, string? expectedVersion, CancellationToken ct)
    {
        var request = new Proto.UpdateProfileRequest { Id = id };
        if (expectedVersion is not null)
        {
            request.ExpectedVersion = expectedVersion;
        }

        if (name is not null)
        {
            request.Name = name;
        }

        if (email is not null)
        {
            request.Email = email;
        }

        return CallAsync(nameof(UserService.UserServiceClient.UpdateProfile), o => client.UpdateProfileAsync(request, o),
            r => ToProfile(r.User), ct);
    }

    private async Task<UserRpcResult<T>> CallAsync<TReply, T>(
        string method, Func<CallOptions, AsyncUnaryCall<TReply>> call, Func<TReply, T> map, CancellationToken ct)
    {
        var deadline = time.GetUtcNow().UtcDateTime + options.Value.Deadline;
        try
        {
            var reply = await call(new CallOptions(deadline: deadline, cancellationToken: ct));
            return UserRpcResult<T>.Success(map(reply));
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled && ct.IsCancellationRequested)
        {
            throw new OperationCanceledException("The client went away.", ex, ct);
        }
        catch (RpcException ex)
        {
            return Translate<T>(method, ex);
        }
    }

    private static UserRpcResult<T> Translate<T>(string method, RpcException ex) => ex.StatusCode switch
    {
        StatusCode.NotFound => UserRpcResult<T>.Failed(UserRpcFailure.NotFound),
        StatusCode.AlreadyExists => UserRpcResult<T>.Failed(UserRpcFailure.EmailTaken),
        StatusCode.Unauthenticated => UserRpcResult<T>.Failed(UserRpcFailure.BadCredentials),
        StatusCode.Aborted => UserRpcResult<T>.Failed(UserRpcFailure.Conflict),
        StatusCode.InvalidArgument => UserRpcResult<T>.Failed(UserRpcFailure.Invalid, FieldErrors(ex)),
        _ => throw new UserServiceException(method, ex),
    };

    // INVALID_ARGUMENT carries a google.rpc.BadRequest naming each field; group its messages by field.
    private static Dictionary<string, string[]> FieldErrors(RpcException ex)
    {
        var violations = ex.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations;
        if (violations is null || violations.Count == 0)
        {
            return new() { [string.Empty] = [ex.Status.Detail] };
        }

        return violations
            .GroupBy(v => CamelCase(v.Field), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(v => v.Description).ToArray(), StringComparer.Ordinal);
    }

    private static string CamelCase(string field) =>
        string.IsNullOrEmpty(field) ? field : char.ToLowerInvariant(field[0]) + field[1..];

    private static UserProfile ToProfile(User user) => new(
        user.Id, user.Name, user.Email,
        user.CreatedAt?.ToDateTimeOffset() ?? DateTimeOffset.MinValue,
        user.UpdatedAt?.ToDateTimeOffset() ?? DateTimeOffset.MinValue,
        user.Version);

    private static UserPage ToPage(ListUsersReply reply) =>
        new(reply.Users.Select(ToProfile).ToList(), reply.Page, reply.Size, reply.Total);
}
