namespace Winyx.ServiceDefaults.Redaction;

/// <summary>
/// Which fields count as secrets in logged bodies, query strings and log properties
/// (configuration section <c>Logging:Redaction</c>).
/// </summary>
public sealed class RedactionOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Logging:Redaction";

    /// <summary>The marker written in place of a secret value.</summary>
    public const string Marker = "[REDACTED]";

    /// <summary>Field names that are always secret (matched case-insensitively, ignoring <c>_</c>, <c>-</c> and <c>.</c>).</summary>
    public static readonly IReadOnlyList<string> BuiltInFields =
        ["password", "token", "authorization", "secret", "access_token", "refresh_token", "apikey", "cookie"];

    /// <summary>
    /// Extra field names to treat as secrets, e.g. <c>["ssn", "card_number"]</c>. A field is secret when its
    /// name contains one of the names, so <c>password</c> also covers <c>new_password</c>.
    /// </summary>
    public IList<string> Fields { get; } = [];
}
