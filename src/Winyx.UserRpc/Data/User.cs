using Winyx.Contracts.Users;

namespace Winyx.UserRpc.Data;

/// <summary>A registered user as stored in the <c>users</c> table.</summary>
public sealed class User
{
    /// <summary>Maximum length of <see cref="Name"/>.</summary>
    public const int NameMaxLength = UserRules.NameMaxLength;

    /// <summary>Maximum length of <see cref="Email"/> (RFC 5321 path limit).</summary>
    public const int EmailMaxLength = UserRules.EmailMaxLength;

    /// <summary>Database-generated identifier.</summary>
    public long Id { get; set; }

    /// <summary>Display name, 1–50 characters.</summary>
    public required string Name { get; set; }

    /// <summary>Normalized (trimmed, lower-case) e-mail address; unique.</summary>
    public required string Email { get; set; }

    /// <summary>Identity V3 password hash; the clear password is never stored.</summary>
    public required string PasswordHash { get; set; }

    /// <summary>When the user registered (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When the profile last changed (UTC).</summary>
    public DateTime UpdatedAt { get; set; }

    /// <summary>Optimistic-concurrency token, incremented by every update.</summary>
    public int Version { get; set; }

    /// <summary>The stored form of an e-mail: trimmed and lower-case, so lookups ignore case.</summary>
    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();
}
