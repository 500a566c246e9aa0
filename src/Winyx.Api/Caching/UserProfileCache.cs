using System.Text.Json;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Winyx.Api.Metrics;
using Winyx.Api.Users;

namespace Winyx.Api.Caching;

/// <summary>
/// Cache-aside for user profiles by id: Redis first, UserRpc on a miss, then fill. Updates made through
/// the API invalidate the entry. Every lookup counts exactly one hit or one miss; with Redis down every
/// lookup is a miss served by UserRpc.
/// </summary>
public sealed class UserProfileCache(RedisStore redis, ApiMetrics metrics, IOptions<CacheOptions> options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Returns the profile from the cache, or loads it with <paramref name="load"/> and caches it.</summary>
    public async Task<UserRpcResult<UserProfile>> GetOrLoadAsync(long id, Func<long, Task<UserRpcResult<UserProfile>>> load)
    {
        var cached = await redis.TryAsync("cache get", db => db.StringGetAsync(Key(id)), RedisValue.Null);
        // An entry written before profiles carried their version is a miss: /me needs the version for its ETag.
        if (!cached.IsNullOrEmpty && JsonSerializer.Deserialize<UserProfile>((string)cached!, Json) is { Version: not null } profile)
        {
            metrics.CacheHit();
            return UserRpcResult<UserProfile>.Success(profile);
        }

        metrics.CacheMiss();
        var loaded = await load(id);
        if (loaded.Value is { } fresh)
        {
            await SetAsync(fresh);
        }

        return loaded;
    }

    /// <summary>Drops a profile so the next read goes to UserRpc.</summary>
    public Task InvalidateAsync(long id) =>
        redis.TryAsync("cache invalidate", db => db.KeyDeleteAsync(Key(id)), false);

    private Task SetAsync(UserProfile profile) =>
        redis.TryAsync("cache set", db => db.StringSetAsync(
            Key(profile.Id), JsonSerializer.Serialize(profile, Json), options.Value.UserProfileTtl), false);

    private static RedisKey Key(long id) => $"winyx:api:user:{id}";
}
