using Microsoft.EntityFrameworkCore;

namespace Winyx.UserRpc.Data;

/// <summary>EF Core implementation of <see cref="IUserRepository"/> over <see cref="UsersDbContext"/>.</summary>
internal sealed class UserRepository(UsersDbContext db) : IUserRepository
{
    /// <inheritdoc />
    public async Task AddAsync(User user, CancellationToken cancellationToken)
    {
        db.Users.Add(user);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <inheritdoc />
    public Task<User?> FindByIdAsync(long id, CancellationToken cancellationToken) =>
        db.Users.SingleOrDefaultAsync(u => u.Id == id, cancellationToken);

    /// <inheritdoc />
    public Task<User?> FindByEmailAsync(string email, CancellationToken cancellationToken) =>
        db.Users.SingleOrDefaultAsync(u => u.Email == email, cancellationToken);

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
