using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Winyx.UserRpc.Data;

namespace Winyx.UserRpc.Security;

/// <summary>
/// Hashes and verifies passwords with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/>
/// (V3: PBKDF2-HMAC-SHA512, random salt, iteration count stored in the hash). The seed stored
/// passwords in plain text; here the clear password exists only for the length of a call.
/// </summary>
public sealed class UserPasswordHasher
{
    private readonly PasswordHasher<User> _hasher;

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

    /// <summary>Hashes a new password for <paramref name="user"/>.</summary>
    public string Hash(User user, string password) => _hasher.HashPassword(user, password);

    /// <summary>Checks <paramref name="password"/> against the user's hash; a null user always fails.</summary>
    /// <returns>The verification result; <see cref="PasswordVerificationResult.SuccessRehashNeeded"/>
    /// means the stored hash uses weaker settings and should be replaced.</returns>
    public PasswordVerificationResult Verify(User? user, string password)
    {
        if (user is null)
        {
            _hasher.VerifyHashedPassword(DecoyUser, _decoyHash, password);
            return PasswordVerificationResult.Failed;
        }

        return _hasher.VerifyHashedPassword(user, user.PasswordHash, password);
    }
}
