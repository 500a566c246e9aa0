using System.Globalization;
using System.Net.Mail;

namespace Winyx.Contracts.Users;

/// <summary>
/// The field rules of the user contract. Each returns null when the value is valid, or a
/// description of the problem (never echoing a password).
/// </summary>
/// <remarks>
/// One source for both sides of <c>user.proto</c>: UserRpc owns and enforces the rules, and the Api
/// compiles this same file (linked) to check input at the edge so bad input never costs an RPC.
/// </remarks>
internal static class UserRules
{
    /// <summary>Longest display name (also the column length).</summary>
    public const int NameMaxLength = 50;

    /// <summary>Longest e-mail address (RFC 5321 path limit; also the column length).</summary>
    public const int EmailMaxLength = 254;

    /// <summary>Shortest accepted password.</summary>
    public const int PasswordMinLength = 8;

    /// <summary>Longest accepted password (bounds the hashing cost of one request).</summary>
    public const int PasswordMaxLength = 128;

    /// <summary>Largest page size of a user listing.</summary>
    public const int MaxPageSize = 100;

    /// <summary>A display name: 1–50 characters after trimming.</summary>
    public static string? Name(string? value) => (value?.Trim().Length ?? 0) switch
    {
        0 => "name is required.",
        > NameMaxLength => $"name must be at most {NameMaxLength} characters.",
        _ => null,
    };

    /// <summary>An e-mail address: required, at most 254 characters, one plain address with a dotted domain.</summary>
    public static string? Email(string? value)
    {
        if (OfferedEmail(value) is { } problem)
        {
            return problem;
        }

        // MailAddress also accepts "Name <a@b>" forms; only a bare address equal to the input passes.
        var trimmed = value!.Trim();
        var valid = MailAddress.TryCreate(trimmed, out var address)
            && address.Address == trimmed
            && address.Host.Contains('.', StringComparison.Ordinal)
            && !address.Host.EndsWith('.');
        return valid ? null : "email is not a valid email address.";
    }

    /// <summary>An e-mail offered at login: present and within the length limit (its format is not judged).</summary>
    public static string? OfferedEmail(string? value) => (value?.Trim().Length ?? 0) switch
    {
        0 => "email is required.",
        > EmailMaxLength => $"email must be at most {EmailMaxLength} characters.",
        _ => null,
    };

    /// <summary>A new password: 8–128 characters.</summary>
    public static string? NewPassword(string? value) =>
        value is { Length: > 0 and < PasswordMinLength }
            ? $"password must be at least {PasswordMinLength} characters."
            : OfferedPassword(value);

    /// <summary>A password offered at login: present and not absurdly long (the policy may change; old passwords still log in).</summary>
    public static string? OfferedPassword(string? value) => (value?.Length ?? 0) switch
    {
        0 => "password is required.",
        > PasswordMaxLength => $"password must be at most {PasswordMaxLength} characters.",
        _ => null,
    };

    /// <summary>A user id: positive.</summary>
    public static string? Id(long value) => value >= 1 ? null : "id must be a positive number.";

    /// <summary>A 1-based page number.</summary>
    public static string? Page(int value) => value >= 1 ? null : "page must be 1 or more.";

    /// <summary>A page size between 1 and 100.</summary>
    public static string? Size(int value) =>
        value is >= 1 and <= MaxPageSize ? null : $"size must be between 1 and {MaxPageSize}.";

    /// <summary>A version token as returned in <c>User.version</c>.</summary>
    public static string? Version(string value) =>
        TryParseVersion(value, out _) ? null : "expected_version is not a version returned by this service.";

    /// <summary>Parses a version token.</summary>
    public static bool TryParseVersion(string value, out int version) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out version) && version >= 1;
}
