using System.Net.Mail;

namespace Winyx.Api.Validation;

/// <summary>
/// The user field rules, identical to UserRpc's: checked at the edge so bad input never costs an RPC,
/// and checked again by UserRpc, which owns them.
/// </summary>
public static class UserInputRules
{
    /// <summary>Longest display name.</summary>
    public const int NameMaxLength = 50;

    /// <summary>Longest e-mail address (RFC 5321 path limit).</summary>
    public const int EmailMaxLength = 254;

    /// <summary>Shortest password.</summary>
    public const int PasswordMinLength = 8;

    /// <summary>Longest password.</summary>
    public const int PasswordMaxLength = 128;

    /// <summary>Largest page size.</summary>
    public const int PageSizeMax = 100;

    /// <summary>Checks a display name; returns the problem or null.</summary>
    public static string? CheckName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "name is required."
        : name.Trim().Length > NameMaxLength ? $"name must be at most {NameMaxLength} characters."
        : null;

    /// <summary>Checks an e-mail address; returns the problem or null.</summary>
    public static string? CheckEmail(string? email)
    {
        var trimmed = email?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            return "email is required.";
        }

        if (trimmed.Length > EmailMaxLength)
        {
            return $"email must be at most {EmailMaxLength} characters.";
        }

        // MailAddress also accepts "Name <a@b>" forms; only a bare address equal to the input passes.
        var valid = MailAddress.TryCreate(trimmed, out var address)
            && address.Address == trimmed
            && address.Host.Contains('.', StringComparison.Ordinal)
            && !address.Host.EndsWith('.');
        return valid ? null : "email is not a valid email address.";
    }

    /// <summary>Checks an e-mail given at login: present and not too long (its format is not judged).</summary>
    public static string? CheckLoginEmail(string? email) => (email?.Trim().Length ?? 0) switch
    {
        0 => "email is required.",
        > EmailMaxLength => $"email must be at most {EmailMaxLength} characters.",
        _ => null,
    };

    /// <summary>Checks a new password; returns the problem or null.</summary>
    public static string? CheckNewPassword(string? password) =>
        string.IsNullOrEmpty(password) ? "password is required."
        : password.Length < PasswordMinLength ? $"password must be at least {PasswordMinLength} characters."
        : password.Length > PasswordMaxLength ? $"password must be at most {PasswordMaxLength} characters."
        : null;

    /// <summary>Checks a password given at login (presence only: the policy may change, old passwords still log in).</summary>
    public static string? CheckLoginPassword(string? password) =>
        string.IsNullOrEmpty(password) ? "password is required."
        : password.Length > PasswordMaxLength ? $"password must be at most {PasswordMaxLength} characters."
        : null;
}
