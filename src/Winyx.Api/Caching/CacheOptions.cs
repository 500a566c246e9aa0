namespace Winyx.Api.Caching;

/// <summary>Cache settings (configuration section <c>Cache</c>).</summary>
public sealed class CacheOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Cache";

    /// <summary>
    /// How long a user profile stays cached; updates through the API invalidate it sooner. Zero turns the
    /// cache off: every read goes to UserRpc (what bench/request-path.sh measures as the uncached GET).
    /// </summary>
    public TimeSpan UserProfileTtl { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long a user profile stays in this process's memory (HybridCache's L1), at most
    /// <see cref="UserProfileTtl"/>. An update through this replica drops it at once; one through another
    /// replica reaches this one's memory within this time.
    /// </summary>
    public TimeSpan UserProfileLocalTtl { get; set; } = TimeSpan.FromSeconds(30);
}
