using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;
using Winyx.Api.Metrics;
using Winyx.Api.Users;

namespace Winyx.Api.Caching;

/// <summary>
/// User profiles by id through <see cref="HybridCache"/>: this process's memory (L1) first, then Redis
/// (L2, <see cref="RedisDistributedCache"/>), then UserRpc, with concurrent misses of one id sharing a
/// single UserRpc call (stampede protection). Updates made through the API invalidate both tiers.
/// Every lookup counts exactly one hit (<c>cache_hits_total{tier="l1"|"l2"}</c>) or one miss
/// (<c>cache_misses_total</c>: the lookup went to UserRpc, or failed).
/// </summary>
/// <remarks>
/// The Redis round trip and the JSON parse on every cached read were the largest cost of a cached GET
/// after logging (bench/RESULTS.md). L1 entries live <see cref="CacheOptions.UserProfileLocalTtl"/>: an
/// update made through another API replica reaches this one's L1 at the latest then. A lookup that joins
/// another lookup's in-flight load counts as an L2 hit: it was answered without a UserRpc call of its own.
/// "Not found" and failures are never cached.
/// </remarks>
public sealed class UserProfileCache
{
    private readonly HybridCache _cache;
    private readonly ApiMetrics _metrics;
    private readonly HybridCacheEntryOptions _entry;
    private readonly bool _enabled;

    // L1 only: no Redis, no UserRpc, nothing written. HybridCache answers it without allocating when L1 has the entry.
    private static readonly HybridCacheEntryOptions LocalOnly = new()
    {
        Flags = HybridCacheEntryFlags.DisableDistributedCache
            | HybridCacheEntryFlags.DisableUnderlyingData
            | HybridCacheEntryFlags.DisableLocalCacheWrite,
    };

    /// <summary>Creates the cache over HybridCache with the configured lifetimes.</summary>
    public UserProfileCache(HybridCache cache, ApiMetrics metrics, IOptions<CacheOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _cache = cache;
        _metrics = metrics;
        var ttl = options.Value.UserProfileTtl;
        _enabled = ttl > TimeSpan.Zero;
        _entry = new HybridCacheEntryOptions
        {
            Expiration = ttl,
            LocalCacheExpiration = options.Value.UserProfileLocalTtl < ttl ? options.Value.UserProfileLocalTtl : ttl,
        };
    }

    /// <summary>
    /// Returns the profile from a cache tier, or loads it with <paramref name="load"/> and caches it; with a
    /// lifetime of zero (<c>Cache:UserProfileTtl=0</c>) every lookup goes to UserRpc and counts as a miss.
    /// </summary>
    public async Task<UserRpcResult<UserProfile>> GetOrLoadAsync(long id, Func<long, Task<UserRpcResult<UserProfile>>> load)
    {
        if (!_enabled)
        {
            _metrics.CacheMiss();
            return await load(id);
        }

        var key = Key(id);
        var local = await _cache.GetOrCreateAsync(key, NotLoaded, LocalOnly);
        if (local is not null)
        {
            _metrics.CacheHit(CacheTier.L1);
            return UserRpcResult<UserProfile>.Success(local);
        }

        var call = new Load(id, load);
        var served = false;
        try
        {
            var profile = await _cache.GetOrCreateAsync(key, call, static (call, _) => call.RunAsync(), _entry);
            served = true;
            return UserRpcResult<UserProfile>.Success(profile);
        }
        catch (NotCachedException notCached)
        {
            return notCached.Result;
        }
        finally
        {
            if (served && !call.Ran)
            {
                _metrics.CacheHit(CacheTier.L2);
            }
            else
            {
                _metrics.CacheMiss();
            }
        }
    }

    /// <summary>Drops a profile from both tiers so the next read goes to UserRpc.</summary>
    public Task InvalidateAsync(long id) => _cache.RemoveAsync(Key(id)).AsTask();

    // HybridCache frames its Redis values in its own format, so the key differs from the plain-JSON
    // "winyx:api:user:{id}" an older API wrote: two versions side by side never read each other's entries.
    private static string Key(long id) => "winyx:api:profile:" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static ValueTask<UserProfile?> NotLoaded(CancellationToken _) => ValueTask.FromResult<UserProfile?>(null);

    // One miss: calls UserRpc and says whether it did. Not-found (and any other non-value answer) is
    // thrown past HybridCache, which caches no exception.
    private sealed class Load(long id, Func<long, Task<UserRpcResult<UserProfile>>> load)
    {
        public bool Ran { get; private set; }

        public async ValueTask<UserProfile> RunAsync()
        {
            Ran = true;
            var result = await load(id);
            return result.Value ?? throw new NotCachedException(result);
        }
    }

    private sealed class NotCachedException(UserRpcResult<UserProfile> result) : Exception("Not cached: " + result.Failure)
    {
        public UserRpcResult<UserProfile> Result { get; } = result;
    }
}
