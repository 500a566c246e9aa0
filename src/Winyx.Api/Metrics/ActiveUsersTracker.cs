using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Winyx.Api.Caching;

namespace Winyx.Api.Metrics;

/// <summary>
/// Counts distinct users seen in the last <see cref="ActiveUsersOptions.Window"/>: authenticated requests
/// note their user in memory (<see cref="SeenUsersBuffer"/>), and <see cref="FlushAsync"/> — every
/// <see cref="ActiveUsersOptions.FlushInterval"/>, and before each count — adds them to a Redis
/// HyperLogLog per minute in one PFADD per key. The <c>active_users</c> gauge is PFCOUNT over the
/// window's minute keys (PFCOUNT of several keys counts their union). This fixes the seed, which counted
/// label series rather than users, and works across API replicas.
/// </summary>
public sealed class ActiveUsersTracker
{
    private readonly RedisStore _redis;
    private readonly TimeProvider _time;
    private readonly ActiveUsersOptions _options;
    private readonly SeenUsersBuffer _seen = new();
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

    /// <summary>Notes that <paramref name="userId"/> made a request now; Redis hears of it at the next flush.</summary>
    public void Seen(long userId) => _seen.Add(_time.GetUtcNow().ToUnixTimeSeconds() / 60, userId);

    /// <summary>Sends the users noted since the last flush to Redis; what fails is kept for the next one.</summary>
    public async Task FlushAsync()
    {
        var users = _seen.TakeAll();
        if (users.Count == 0)
        {
            return;
        }

        var expiry = TimeSpan.FromMinutes(WindowMinutes + 1);
        var sent = await _redis.TryAsync("active users add", async db =>
        {
            var batch = db.CreateBatch();
            var commands = new List<Task>();
            foreach (var minute in users.GroupBy(user => user.Minute))
            {
                var key = MinuteKey(DateTimeOffset.FromUnixTimeSeconds(minute.Key * 60));
                commands.Add(batch.HyperLogLogAddAsync(key, minute.Select(user => (RedisValue)user.UserId).ToArray()));
                commands.Add(batch.KeyExpireAsync(key, expiry));
            }

            batch.Execute();
            await Task.WhenAll(commands);
            return true;
        }, false);
        if (!sent)
        {
            _seen.Requeue(users);
        }
    }

    /// <summary>Counts distinct users in the window now (null when Redis cannot say).</summary>
    public async Task<long?> CountAsync()
    {
        await FlushAsync();
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
