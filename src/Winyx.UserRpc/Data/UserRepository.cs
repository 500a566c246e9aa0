using Microsoft.EntityFrameworkCore;

namespace Winyx.UserRpc.Data;

/// <summary>
/// EF Core implementation of <see cref="IUserRepository"/> over <see cref="UsersDbContext"/>; the read GetUser
/// makes goes past EF Core's query pipeline (<see cref="UserByIdQuery"/>).
/// </summary>
internal sealed class UserRepository(UsersDbContext db, UserByIdQuery userById) : IUserRepository
{
    /// <inheritdoc />
    public async Task AddAsync(User user, CancellationToken cancellationToken)
    {
        db.Users.Add(user);
        await db.SaveChangesAsync(cancellationToken);
    }

    // Compiled once: the lookups every call makes skip EF Core's expression processing and query-cache
    // key computation, a large share of a GetUser call's CPU (bench/RESULTS.md).
    private static readonly Func<UsersDbContext, long, CancellationToken, Task<User?>> TrackedById =
        EF.CompileAsyncQuery((UsersDbContext db, long id, CancellationToken _) => db.Users.SingleOrDefault(u => u.Id == id));

    private static readonly Func<UsersDbContext, string, CancellationToken, Task<User?>> TrackedByEmail =
        EF.CompileAsyncQuery((UsersDbContext db, string email, CancellationToken _) => db.Users.SingleOrDefault(u => u.Email == email));

    /// <inheritdoc />
    public Task<User?> FindByIdAsync(long id, CancellationToken cancellationToken) =>
        TrackedById(db, id, cancellationToken);

    /// <inheritdoc />
    public Task<User?> ReadByIdAsync(long id, CancellationToken cancellationToken) =>
        userById.ReadAsync(db, id, cancellationToken);

    /// <inheritdoc />
    public Task<User?> FindByEmailAsync(string email, CancellationToken cancellationToken) =>
        TrackedByEmail(db, email, cancellationToken);

    /// <inheritdoc />
    public async Task<UserPage> ListAsync(int page, int size, CancellationToken cancellationToken)
    {
        var total = await db.Users.LongCountAsync(cancellationToken);
        var offset = (long)(page - 1) * size;
        if (offset >= total || offset > int.MaxValue)
        {
            return new UserPage([], total);
        }

        var users = await db.Users.AsNoTracking()
            .OrderBy(u => u.Id)
            .Skip((int)offset)
            .Take(size)
            .ToListAsync(cancellationToken);
        return new UserPage(users, total);
    }

    /// <inheritdoc />
    public async Task UpdateAsync(User user, int expectedVersion, CancellationToken cancellationToken)
    {
        // The original value of a concurrency token goes into the UPDATE's WHERE clause, so the
        // check and the write are one atomic statement: zero rows → DbUpdateConcurrencyException.
        db.Entry(user).Property(u => u.Version).OriginalValue = expectedVersion;
        user.Version = expectedVersion + 1;
        await db.SaveChangesAsync(cancellationToken);
    }
}
