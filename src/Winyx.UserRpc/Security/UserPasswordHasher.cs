using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Winyx.UserRpc.Data;

namespace Winyx.UserRpc.Security;

/// <summary>
/// Hashes and verifies passwords with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/>
/// (V3: PBKDF2-HMAC-SHA512, random salt, iteration count stored in the hash). The seed stored
/// passwords in plain text; here the clear password exists only for the length of a call.
/// </summary>
/// <remarks>
/// PBKDF2 is pure CPU, about 0.1 s per hash on a CI core. Run on every request's own pool thread, a
/// storm of logins (the alert proof's brute-force case) had the thread pool grow to ~60 threads all
/// hashing on 2 cores: every other request, <c>/metrics</c> and <c>/health</c> included, waited behind
/// them, scrapes timed out and Prometheus reported UserRpc down. At most one hash per core runs at once;
/// the others wait for a turn without holding a thread.
/// </remarks>
public sealed class UserPasswordHasher : IDisposable
{
    private readonly PasswordHasher<User> _hasher;
    private readonly SemaphoreSlim _turns = new(Environment.ProcessorCount);

    // Verified against when the e-mail is unknown, so a login costs the same whether or not the
    // account exists and response times do not reveal registered addresses.
    private readonly string _decoyHash;

    /// <summary>Creates the hasher with the configured iteration count.</summary>
    public UserPasswordHasher(IOptions<PasswordHashingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _hasher = new PasswordHasher<User>(Options.Create(new PasswordHasherOptions
        {
            CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3,
            IterationCount = options.Value.IterationCount,
        }));
        _decoyHash = _hasher.HashPassword(DecoyUser, Guid.NewGuid().ToString("N"));
    }

    private static User DecoyUser { get; } = new() { Name = "decoy", Email = "decoy@invalid", PasswordHash = "" };

    /// <summary>Hashes a new password for <paramref name="user"/>, when a core is free.</summary>
    public Task<string> HashAsync(User user, string password, CancellationToken cancellationToken) =>
        InTurnAsync(() => _hasher.HashPassword(user, password), cancellationToken);

    /// <summary>Checks <paramref name="password"/> against the user's hash, when a core is free; a null user always fails.</summary>
    /// <returns>The verification result; <see cref="PasswordVerificationResult.SuccessRehashNeeded"/>
    /// means the stored hash uses weaker settings and should be replaced.</returns>
    public Task<PasswordVerificationResult> VerifyAsync(User? user, string password, CancellationToken cancellationToken) =>
        InTurnAsync(() => Verify(user, password), cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _turns.Dispose();

    private PasswordVerificationResult Verify(User? user, string password)
    {
        if (user is null)
        {
            _hasher.VerifyHashedPassword(DecoyUser, _decoyHash, password);
            return PasswordVerificationResult.Failed;
        }

        return _hasher.VerifyHashedPassword(user, user.PasswordHash, password);
    }

    private async Task<T> InTurnAsync<T>(Func<T> hash, CancellationToken cancellationToken)
    {
        await _turns.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return hash();
        }
        finally
        {
            _turns.Release();
        }
    }
}
