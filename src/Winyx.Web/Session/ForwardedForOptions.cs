namespace Winyx.Web.Session;

/// <summary>The forwarding key the Api trusts <c>X-Forwarded-For</c> by (configuration section <c>ForwardedFor</c>).</summary>
public sealed class ForwardedForOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "ForwardedFor";

    /// <summary>The key the AppHost generates for the Web and the Api; unset: no address is forwarded.</summary>
    public string? Key { get; set; }
}
