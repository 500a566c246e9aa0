using Microsoft.Extensions.Caching.Distributed;
using StackExchange.Redis;

namespace Winyx.Api.Caching;

/// <summary>
/// HybridCache's L2: <see cref="IDistributedCache"/> over the API's one Redis connection
/// (<see cref="RedisStore"/>), so the cache shares its connection, timeouts and outage handling with
/// everything else that uses Redis. A failing Redis reads as a miss and ignores writes — HybridCache
/// then serves from L1 and UserRpc, and nothing is logged per request (HybridCache would log every
/// exception an L2 threw).
/// </summary>
public sealed class RedisDistributedCache(RedisStore redis, TimeProvider time) : IDistributedCache
{
    /// <inheritdoc />
    public byte[]? Get(string key) => GetAsync(key).GetAwaiter().GetResult();

    /// <inheritdoc />
    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        var value = await redis.TryAsync("cache get", db => db.StringGetAsync(key), RedisValue.Null);
        return value.IsNull ? null : (byte[]?)value;
    }

    /// <inheritdoc />
    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) =>
        SetAsync(key, value, options).GetAwaiter().GetResult();

    /// <inheritdoc />
    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var expiry = Expiry(options);
        return redis.TryAsync("cache set", db => expiry is { } ttl ? db.StringSetAsync(key, value, ttl) : db.StringSetAsync(key, value), false);
    }

    /// <summary>Entries expire absolutely; there is no sliding expiration to refresh.</summary>
    public void Refresh(string key)
    {
    }

    /// <inheritdoc />
    public Task RefreshAsync(string key, CancellationToken token = default) => Task.CompletedTask;

    /// <inheritdoc />
    public void Remove(string key) => RemoveAsync(key).GetAwaiter().GetResult();

    /// <inheritdoc />
    public Task RemoveAsync(string key, CancellationToken token = default) =>
        redis.TryAsync("cache invalidate", db => db.KeyDeleteAsync(key), false);

    private TimeSpan? Expiry(DistributedCacheEntryOptions options) =>
        options.AbsoluteExpirationRelativeToNow
        ?? (options.AbsoluteExpiration is { } at ? at - time.GetUtcNow() : (TimeSpan?)null)
        ?? options.SlidingExpiration;
}
