using Grpc.Core;
using Microsoft.AspNetCore.Identity;
using Winyx.Contracts.Users;
using Winyx.Contracts.Users.V1;
using Winyx.UserRpc.Data;
using Winyx.UserRpc.Security;
using UserServiceBase = Winyx.Contracts.Users.V1.UserService.UserServiceBase;

namespace Winyx.UserRpc.Grpc;

/// <summary>
/// <c>winyx.user.v1.UserService</c>. Each method validates, calls the repository and maps the
/// result; database failures become statuses in <see cref="DatabaseErrorInterceptor"/>.
/// </summary>
public sealed partial class UserService(
    IUserRepository users, UserPasswordHasher passwords, TimeProvider clock, ILogger<UserService> logger) : UserServiceBase
{
    /// <inheritdoc />
    public override async Task<UserReply> Register(RegisterRequest request, ServerCallContext context)
    {
        request.Validate();
        var now = Now();
        var user = new Data.User
        {
            Name = request.Name.Trim(),
            Email = Data.User.NormalizeEmail(request.Email),
            PasswordHash = "",
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        user.PasswordHash = await passwords.HashAsync(user, request.Password, context.CancellationToken);
        // A taken e-mail fails on the unique index (no check-then-insert race): ALREADY_EXISTS.
        await users.AddAsync(user, context.CancellationToken);
        LogRegistered(user.Id);
        return user.ToReply();
    }

    /// <inheritdoc />
    public override async Task<UserReply> Authenticate(AuthenticateRequest request, ServerCallContext context)
    {
        request.Validate();
        var user = await users.FindByEmailAsync(Data.User.NormalizeEmail(request.Email), context.CancellationToken);
        var result = await passwords.VerifyAsync(user, request.Password, context.CancellationToken);
        if (user is null || result == PasswordVerificationResult.Failed)
        {
            LogAuthenticationFailed();
            throw RpcErrors.InvalidCredentials();
        }

        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await RehashAsync(user, request.Password, context.CancellationToken);
        }

        return user.ToReply();
    }

    /// <inheritdoc />
    public override async Task<UserReply> GetUser(GetUserRequest request, ServerCallContext context)
    {
        request.Validate();
        var user = await users.ReadByIdAsync(request.Id, context.CancellationToken)
            ?? throw RpcErrors.UserNotFound(request.Id);
        return user.ToReply();
    }

    /// <inheritdoc />
    public override async Task<ListUsersReply> ListUsers(ListUsersRequest request, ServerCallContext context)
    {
        request.Validate();
        var page = await users.ListAsync(request.Page, request.Size, context.CancellationToken);
        return page.ToReply(request.Page, request.Size);
    }

    /// <inheritdoc />
    public override async Task<UserReply> UpdateProfile(UpdateProfileRequest request, ServerCallContext context)
    {
        request.Validate();
        var user = await users.FindByIdAsync(request.Id, context.CancellationToken)
            ?? throw RpcErrors.UserNotFound(request.Id);
        var expectedVersion = user.Version;
        if (request.HasExpectedVersion)
        {
            UserRules.TryParseVersion(request.ExpectedVersion, out expectedVersion);
        }

        if (request.HasName)
        {
            user.Name = request.Name.Trim();
        }

        if (request.HasEmail)
        {
            user.Email = Data.User.NormalizeEmail(request.Email);
        }

        user.UpdatedAt = Now();
        // A stale expected version matches no row: ABORTED. A taken e-mail: ALREADY_EXISTS.
        await users.UpdateAsync(user, expectedVersion, context.CancellationToken);
        LogUpdated(user.Id, user.Version);
        return user.ToReply();
    }

    // The stored hash predates a higher iteration count: upgrade it while the clear password is
    // at hand. Best effort: losing a race with a profile update only postpones the upgrade.
    private async Task RehashAsync(Data.User user, string password, CancellationToken cancellationToken)
    {
        user.PasswordHash = await passwords.HashAsync(user, password, cancellationToken);
        user.UpdatedAt = Now();
        try
        {
            await users.UpdateAsync(user, user.Version, cancellationToken);
        }
        catch (Exception ex) when (DatabaseErrors.Classify(ex) == DatabaseFailure.ConcurrencyConflict)
        {
            LogRehashSkipped(user.Id);
        }
    }

    // MySQL datetime(6) keeps microseconds; truncating here makes the reply equal what a later read returns.
    private DateTime Now()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered user {UserId}")]
    private partial void LogRegistered(long userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Authentication failed")]
    private partial void LogAuthenticationFailed();

    [LoggerMessage(Level = LogLevel.Information, Message = "Updated user {UserId} to version {Version}")]
    private partial void LogUpdated(long userId, int version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Password hash upgrade of user {UserId} skipped: the user changed concurrently")]
    private partial void LogRehashSkipped(long userId);
}
