namespace Winyx.Api.Caching;

/// <summary>Where a cached user profile came from: the <c>tier</c> label of <c>cache_hits_total</c>.</summary>
public enum CacheTier
{
    /// <summary>This process's memory (HybridCache's L1).</summary>
    L1,

    /// <summary>Redis (HybridCache's L2), shared by every API replica.</summary>
    L2,
}
