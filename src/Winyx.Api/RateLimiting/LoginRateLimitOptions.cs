namespace Winyx.Api.RateLimiting;

/// <summary>Login throttling (configuration section <c>RateLimiting:Login</c>).</summary>
public sealed class LoginRateLimitOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "RateLimiting:Login";

    /// <summary>Login attempts one client IP may make per <see cref="PerIpWindow"/>.</summary>
    public int PerIpPermitLimit { get; set; } = 20;

    /// <summary>The per-IP window.</summary>
    public TimeSpan PerIpWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Failed logins one account may suffer per <see cref="PerAccountWindow"/> before it is refused.</summary>
    public int PerAccountFailureLimit { get; set; } = 5;

    /// <summary>The per-account window, counted from the first failure.</summary>
    public TimeSpan PerAccountWindow { get; set; } = TimeSpan.FromMinutes(15);
}
