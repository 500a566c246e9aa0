using System.ComponentModel.DataAnnotations;

namespace Winyx.UserRpc.Security;

/// <summary>Settings of the password hash (configuration section <c>Passwords</c>).</summary>
public sealed class PasswordHashingOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Passwords";

    /// <summary>
    /// PBKDF2-HMAC-SHA512 iterations (Identity V3 format). Identity's own default is 100,000;
    /// it is set explicitly so a framework change cannot lower it silently.
    /// </summary>
    [Range(100_000, 10_000_000)]
    public int IterationCount { get; set; } = 100_000;
}
