using System.Globalization;
using System.Net.Mail;

namespace Winyx.UserRpc.Grpc;

/// <summary>
/// The field rules of the user contract. Each returns null when the value is valid, or a
/// description of the problem (never echoing a password).
/// </summary>
internal static class UserRules
{
    /// <summary>Shortest accepted password.</summary>
    public const int PasswordMinLength = 8;

    /// <summary>Longest accepted password (bounds the hashing cost of one request).</summary>
    public const int PasswordMaxLength = 128;

    /// <summary>Largest page size of ListUsers.</summary>
    public const int MaxPageSize = 100;

    /// <summary>A display name: 1–50 characters after trimming.</summary>
    public static string? Name(string? value)
    {
        var trimmed = value?.Trim() ?? "";
        return trimmed.Length switch
        {
            0 => "name is required.",
            > Data.User.NameMaxLength => $"name must be at most {Data.User.NameMaxLength} characters.",
            _ => null,
        };
    }

    /// <summary>An e-mail address: required, at most 254 characters, one plain address with a dotted domain.</summary>
    public static string? Email(string? value)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return "email is required.";
        }

        if (trimmed.Length > Data.User.EmailMaxLength)
        {
            return $"email must be at most {Data.User.EmailMaxLength} characters.";
        }

        // MailAddress also accepts "Name <a@b>" forms; only a bare address equal to the input passes.
        var valid = MailAddress.TryCreate(trimmed, out var address)
            && address.Address == trimmed
            && address.Host.Contains('.', StringComparison.Ordinal)
            && !address.Host.EndsWith('.');
        return valid ? null : "email is not a valid email address.";
    }

    /// <summary>A new password: 8–128 characters.</summary>
    public static string? NewPassword(string? value) => (value?.Length ?? 0) switch
    {
        0 => "password is required.",
        < PasswordMinLength => $"password must be at least {PasswordMinLength} characters.",
        > PasswordMaxLength => $"password must be at most {PasswordMaxLength} characters.",
        _ => null,
    };

    /// <summary>A password offered at login: present and not absurdly long.</summary>
    public static string? OfferedPassword(string? value) => (value?.Length ?? 0) switch
    {
        0 => "password is required.",
        > PasswordMaxLength => $"password must be at most {PasswordMaxLength} characters.",
        _ => null,
    };

    /// <summary>An e-mail offered at login: present and within the length limit (its format is not judged).</summary>
    public static string? OfferedEmail(string? value) => (value?.Trim().Length ?? 0) switch
    {
        0 => "email is required.",
        > Data.User.EmailMaxLength => $"email must be at most {Data.User.EmailMaxLength} characters.",
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

    /// <summary>The stored form of an e-mail: trimmed and lower-case, so lookups ignore case.</summary>
    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();
}
