using Microsoft.EntityFrameworkCore;
using Winyx.UserRpc.Security;

namespace Winyx.UserRpc.Data;

/// <summary>
/// Takes every path a first request takes once, before UserRpc reports SERVING: the reads (compiled
/// queries, the pool's first connection), the password hasher (its decoy hash, PBKDF2 through OpenSSL)
/// and an insert in a transaction that is rolled back (EF Core's update pipeline).
/// </summary>
/// <remarks>
/// Without it the fleet's first registration paid for all of that at once: 0.8 s on an idle 2-core
/// box, 5.4 s on a busy CI box, past the Api's 5 s deadline (a 503 in FleetTests). The rolled-back insert
/// uses up one AUTO_INCREMENT value per start; ids are opaque and a refused registration skips one too.
/// </remarks>
internal static class FirstRequestWarmUp
{
    private const string Email = "warm-up@winyx.invalid";

    /// <summary>Runs the warm-up with <paramref name="services"/> (a scope's provider).</summary>
    public static async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var users = services.GetRequiredService<IUserRepository>();
        await users.FindByEmailAsync(Email, cancellationToken);
        await users.ReadByIdAsync(0, cancellationToken);
        await users.FindByIdAsync(0, cancellationToken);
        await users.ListAsync(1, 1, cancellationToken);

        var passwords = services.GetRequiredService<UserPasswordHasher>();
        await passwords.VerifyAsync(null, Email, cancellationToken);
        var now = DateTime.UtcNow;
        var user = new User { Name = "warm-up", Email = Email, PasswordHash = "", CreatedAt = now, UpdatedAt = now, Version = 1 };
        user.PasswordHash = await passwords.HashAsync(user, Email, cancellationToken);

        var db = services.GetRequiredService<UsersDbContext>();
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await users.AddAsync(user, cancellationToken);
            await transaction.RollbackAsync(cancellationToken);
        });
        db.ChangeTracker.Clear();
    }
}
