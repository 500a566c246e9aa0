using Google.Rpc;
using Grpc.Core;
using Microsoft.Extensions.Options;
using Winyx.Api.Metrics;
using Winyx.Contracts.Users.V1;
using Proto = Winyx.Contracts.Users.V1;

namespace Winyx.Api.Users;

/// <summary>
/// The API's only door to UserRpc. Handlers see <see cref="UserProfile"/> and
/// <see cref="UserRpcResult{T}"/>, never proto types; every call carries a deadline, reads are retried
/// on UNAVAILABLE (<see cref="UserRpcOptions.ReadAttempts"/>), and each call is timed into
/// <c>rpc_client_duration_seconds{rpc_method,grpc_status}</c>, retries included, so the RpcHighLatency
/// alert sees what the API waited for.
/// </summary>
/// <remarks>
/// Retries are made here, not by the channel's gRPC retry policy: a channel with a policy runs every
/// call through its retrying call, which buffers each message: about 6 % of the API's CPU per uncached
/// read, measured against the policy (bench/RESULTS.md, "Seventh pass"). The schedule is the policy's
/// (<see cref="RetryBackoff"/>).
/// </remarks>
public sealed class UserRpcClient(
    UserService.UserServiceClient client, ApiMetrics metrics, IOptions<UserRpcOptions> options, TimeProvider time)
{
    /// <summary>Registers a user.</summary>
    public Task<UserRpcResult<UserProfile>> RegisterAsync(string name, string email, string password, CancellationToken ct) =>
        CallAsync(nameof(UserService.UserServiceClient.Register), idempotent: false, o => client.RegisterAsync(
            new RegisterRequest { Name = name, Email = email, Password = password }, o), r => ToProfile(r.User), ct);

    /// <summary>Checks an e-mail and password.</summary>
    public Task<UserRpcResult<UserProfile>> AuthenticateAsync(string email, string password, CancellationToken ct) =>
        CallAsync(nameof(UserService.UserServiceClient.Authenticate), idempotent: false, o => client.AuthenticateAsync(
            new AuthenticateRequest { Email = email, Password = password }, o), r => ToProfile(r.User), ct);

    /// <summary>Reads one user.</summary>
    public Task<UserRpcResult<UserProfile>> GetUserAsync(long id, CancellationToken ct) =>
        CallAsync(nameof(UserService.UserServiceClient.GetUser), idempotent: true, o => client.GetUserAsync(
            new GetUserRequest { Id = id }, o), r => ToProfile(r.User), ct);

    /// <summary>Reads one page of users.</summary>
    public Task<UserRpcResult<UserPage>> ListUsersAsync(int page, int size, CancellationToken ct) =>
        CallAsync(nameof(UserService.UserServiceClient.ListUsers), idempotent: true, o => client.ListUsersAsync(
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

        return CallAsync(nameof(UserService.UserServiceClient.UpdateProfile), idempotent: false, o => client.UpdateProfileAsync(request, o),
            r => ToProfile(r.User), ct);
    }

    // Only reads are idempotent: a Register or UpdateProfile that failed may still have been applied.
    private async Task<UserRpcResult<T>> CallAsync<TReply, T>(
        string method, bool idempotent, Func<CallOptions, AsyncUnaryCall<TReply>> call, Func<TReply, T> map, CancellationToken ct)
    {
        var started = time.GetTimestamp();
        var status = StatusCode.Unknown;
        try
        {
            var reply = await InvokeAsync(call, idempotent ? options.Value.ReadAttempts : 1, ct);
            status = StatusCode.OK;
            return UserRpcResult<T>.Success(map(reply));
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled && ct.IsCancellationRequested)
        {
            status = ex.StatusCode;
            throw new OperationCanceledException("The client went away.", ex, ct);
        }
        catch (RpcException ex)
        {
            status = ex.StatusCode;
            return Translate<T>(method, ex);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            status = StatusCode.Cancelled; // the client went away during a pause between attempts
            throw;
        }
        finally
        {
            metrics.RpcCall(method, status, time.GetElapsedTime(started));
        }
    }

    // One deadline covers every attempt: a retry never makes the caller wait longer than Deadline.
    private async Task<TReply> InvokeAsync<TReply>(Func<CallOptions, AsyncUnaryCall<TReply>> call, int attempts, CancellationToken ct)
    {
        var deadline = time.GetUtcNow().UtcDateTime + options.Value.Deadline;
        var callOptions = new CallOptions(deadline: deadline, cancellationToken: ct);
        for (var attempt = 1; ; attempt++)
        {
            TimeSpan pause;
            try
            {
                return await call(callOptions);
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.Unavailable && attempt < attempts
                && PauseFits(pause = RetryBackoff.Before(attempt), deadline))
            {
                // UNAVAILABLE: the call did not run (refused, server shutting down); worth another try.
            }

            await Task.Delay(pause, time, ct);
        }
    }

    private bool PauseFits(TimeSpan pause, DateTime deadline) => time.GetUtcNow().UtcDateTime + pause < deadline;

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
