namespace Winyx.UserRpc.Data;

/// <summary>
/// The user store. Failures surface as EF Core / MySqlConnector exceptions, which
/// <see cref="DatabaseErrors"/> classifies (duplicate e-mail, stale version, database down).
/// </summary>
public interface IUserRepository
{
    /// <summary>Inserts a new user; <see cref="User.Id"/> is set on return.</summary>
    Task AddAsync(User user, CancellationToken cancellationToken);

    /// <summary>Finds a user by id, or null, tracked so that <see cref="UpdateAsync"/> can save changes to it.</summary>
    Task<User?> FindByIdAsync(long id, CancellationToken cancellationToken);

    /// <summary>Reads a user by id, or null, for answering only (not tracked: nothing can be saved through it).</summary>
    Task<User?> ReadByIdAsync(long id, CancellationToken cancellationToken);

    /// <summary>Finds a user by normalized e-mail, or null.</summary>
    Task<User?> FindByEmailAsync(string email, CancellationToken cancellationToken);

    /// <summary>One page of users ordered by id, with the total count.</summary>
    /// <param name="page">1-based page number.</param>
    /// <param name="size">Page size.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    Task<UserPage> ListAsync(int page, int size, CancellationToken cancellationToken);

    /// <summary>
    /// Saves the changes made to a user returned by <see cref="FindByIdAsync"/>, only if the stored
    /// version still equals <paramref name="expectedVersion"/> (checked by the UPDATE itself), and
    /// bumps the version.
    /// </summary>
    Task UpdateAsync(User user, int expectedVersion, CancellationToken cancellationToken);
}
