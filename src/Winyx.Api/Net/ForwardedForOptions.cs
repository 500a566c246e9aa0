namespace Winyx.Api.Net;

/// <summary>Which caller may say whose request it forwards (configuration section <c>ForwardedFor</c>).</summary>
public sealed class ForwardedForOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "ForwardedFor";

    /// <summary>The header carrying the end user's address.</summary>
    public const string AddressHeader = "X-Forwarded-For";

    /// <summary>The header proving the caller is the Web: it holds <see cref="Key"/>.</summary>
    public const string KeyHeader = "X-Winyx-Forwarded-Key";

    /// <summary>
    /// The key only the Web knows (the AppHost generates it and gives it to both). Unset: no
    /// <c>X-Forwarded-For</c> is ever trusted.
    /// </summary>
    public string? Key { get; set; }
}
