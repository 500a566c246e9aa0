namespace Winyx.Api.Caching;

/// <summary>Cache settings (configuration section <c>Cache</c>).</summary>
public sealed class CacheOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Cache";

    /// <summary>How long a user profile stays cached; updates through the API invalidate it sooner.</summary>
    public TimeSpan UserProfileTtl { get; set; } = TimeSpan.FromMinutes(10);
}
