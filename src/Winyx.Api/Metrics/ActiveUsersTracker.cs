using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Winyx.Api.Caching;

namespace Winyx.Api.Metrics;

/// <summary>
/// Counts distinct users seen in the last <see cref="ActiveUsersOptions.Window"/>: each authenticated
/// request adds the user id to a Redis HyperLogLog for the current minute; the <c>active_users</c> gauge
/// is PFCOUNT over the window's minute keys (PFCOUNT of several keys counts their union). This fixes
/// the seed, which counted label series rather than users, and works across API replicas.
/// </summary>
public sealed class ActiveUsersTracker
{
    private readonly RedisStore _redis;
    private readonly TimeProvider _time;
    private readonly ActiveUsersOptions _options;
    private readonly Lock _gate = new();
    private long? _lastCount;
    private DateTimeOffset _countedAt = DateTimeOffset.MinValue;

    /// <summary>Creates the tracker and its observable gauge.</summary>
    public ActiveUsersTracker(RedisStore redis, TimeProvider time, IOptions<ActiveUsersOptions> options, IMeterFactory meterFactory)
    {
        _redis = redis;
        _time = time;
        _options = options.Value;
        meterFactory.Create(ApiMetrics.MeterName).CreateObservableGauge(
            "active_users", Observe, description: $"Distinct users seen in the last {WindowMinutes} minutes.");
    }

    private int WindowMinutes => Math.Max(1, (int)Math.Ceiling(_options.Window.TotalMinutes));

    /// <summary>Notes that <paramref name="userId"/> made a request now.</summary>
    public Task SeenAsync(string userId)
    {
        var key = MinuteKey(_time.GetUtcNow());
        var expiry = TimeSpan.FromMinutes(WindowMinutes + 1);
        return _redis.TryAsync("active users add", async db =>
        {
            var batch = db.CreateBatch();
            var add = batch.HyperLogLogAddAsync(key, userId);
            var expire = batch.KeyExpireAsync(key, expiry);
            batch.Execute();
            await Task.WhenAll(add, expire);
            return true;
        }, false);
    }

    /// <summary>Counts distinct users in the window now (null when Redis cannot say).</summary>
    public async Task<long?> CountAsync()
    {
        var now = _time.GetUtcNow();
        var keys = Enumerable.Range(0, WindowMinutes).Select(m => MinuteKey(now.AddMinutes(-m))).ToArray();
        return await _redis.TryAsync<long?>("active users count", async db => await db.HyperLogLogLengthAsync(keys), null);
    }

    // The exporter calls this on its scrape thread; one bounded Redis call at most every few seconds.
    private IEnumerable<Measurement<long>> Observe()
    {
        lock (_gate)
        {
            if (_time.GetUtcNow() - _countedAt >= _options.CountCacheDuration)
            {
                _lastCount = CountAsync().GetAwaiter().GetResult();
                _countedAt = _time.GetUtcNow();
            }

            return _lastCount is { } count ? [new Measurement<long>(count)] : [];
        }
    }

    private static RedisKey MinuteKey(DateTimeOffset at) =>
        "winyx:api:active-users:" + at.UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);
}
