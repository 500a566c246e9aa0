using Microsoft.Extensions.Caching.Distributed;

namespace Winyx.Api.Caching;

/// <summary>Registers the user-profile cache: HybridCache with Redis (<see cref="RedisStore"/>) as its L2.</summary>
public static class CachingRegistration
{
    /// <summary>Adds <see cref="UserProfileCache"/> over HybridCache; needs <see cref="RedisStore"/> registered.</summary>
    /// <example><code>builder.AddUserProfileCache();</code></example>
    public static IHostApplicationBuilder AddUserProfileCache(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure<CacheOptions>(builder.Configuration.GetSection(CacheOptions.SectionName));
        builder.Services.AddSingleton<IDistributedCache, RedisDistributedCache>();
        builder.Services.AddHybridCache();
        builder.Services.AddSingleton<UserProfileCache>();
        return builder;
    }
}
