namespace Winyx.Api.Auth;

/// <summary>Token settings (configuration section <c>Jwt</c>).</summary>
public sealed class JwtOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Jwt";

    /// <summary>The smallest HMAC-SHA256 key accepted, in bytes (RFC 7518 §3.2).</summary>
    public const int MinimumKeyBytes = 32;

    /// <summary>
    /// The HMAC signing key (UTF-8, at least 32 bytes); the AppHost generates one. In Development a
    /// missing key is replaced by an ephemeral one (tokens then die with the process).
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>The <c>iss</c> claim issued and required.</summary>
    public string Issuer { get; set; } = "winyx-api";

    /// <summary>The <c>aud</c> claim issued and required.</summary>
    public string Audience { get; set; } = "winyx";

    /// <summary>How long a token is valid.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(1);
}
