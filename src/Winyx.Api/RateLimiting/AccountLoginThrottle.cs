using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Winyx.Api.Caching;

namespace Winyx.Api.RateLimiting;

/// <summary>
/// Counts failed logins per account and refuses an account once it reaches the limit within the window.
/// Counts live in Redis so every API replica agrees; while Redis is down they fall back to this process's
/// memory, so brute force is still slowed. Keys hold a hash of the e-mail, never the address itself.
/// </summary>
public sealed class AccountLoginThrottle(RedisStore redis, IOptions<LoginRateLimitOptions> options, TimeProvider time)
{
    private const int LocalPruneThreshold = 10_000;
    private readonly ConcurrentDictionary<string, LocalWindow> _local = new(StringComparer.Ordinal);

    private LoginRateLimitOptions Limits => options.Value;

    /// <summary>How long the account stays refused, or null when it may try.</summary>
    public async Task<TimeSpan?> LockedForAsync(string email)
    {
        var key = Key(email);
        var shared = await redis.TryAsync<(long Count, TimeSpan? Ttl)?>("login throttle read", async db =>
        {
            var count = db.StringGetAsync(key);
            var ttl = db.KeyTimeToLiveAsync(key);
            var failures = (await count).TryParse(out long n) ? n : 0;
            return (failures, await ttl);
        }, null);

        var (failures, remaining) = shared ?? ReadLocal(key);
        return failures >= Limits.PerAccountFailureLimit ? remaining ?? Limits.PerAccountWindow : null;
    }

    /// <summary>Counts one failed login.</summary>
    public async Task RecordFailureAsync(string email)
    {
        var key = Key(email);
        var recorded = await redis.TryAsync("login throttle count", async db =>
        {
            // The window starts at the first failure: set the expiry only when the key is new.
            var count = await db.StringIncrementAsync(key);
            if (count == 1)
            {
                await db.KeyExpireAsync(key, Limits.PerAccountWindow);
            }

            return true;
        }, false);

        if (!recorded)
        {
            RecordLocal(key);
        }
    }

    /// <summary>Forgets the failures after a successful login.</summary>
    public async Task ResetAsync(string email)
    {
        var key = Key(email);
        _local.TryRemove(key, out _);
        await redis.TryAsync("login throttle reset", db => db.KeyDeleteAsync(key), false);
    }

    private (long Count, TimeSpan? Ttl) ReadLocal(string key)
    {
        var now = time.GetUtcNow();
        return _local.TryGetValue(key, out var window) && window.ExpiresAt > now
            ? (window.Count, window.ExpiresAt - now)
            : (0, null);
    }

    private void RecordLocal(string key)
    {
        var now = time.GetUtcNow();
        if (_local.Count > LocalPruneThreshold)
        {
            foreach (var stale in _local.Where(p => p.Value.ExpiresAt <= now))
            {
                _local.TryRemove(stale);
            }
        }

        _local.AddOrUpdate(key,
            _ => new LocalWindow(1, now + Limits.PerAccountWindow),
            (_, w) => w.ExpiresAt <= now ? new LocalWindow(1, now + Limits.PerAccountWindow) : w with { Count = w.Count + 1 });
    }

    private static string Key(string email)
    {
        var normalized = email.Trim().ToUpperInvariant();
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
        return "winyx:api:login-failures:" + hash;
    }

    private sealed record LocalWindow(long Count, DateTimeOffset ExpiresAt);
}
