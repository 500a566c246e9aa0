using System.Diagnostics;
using System.Diagnostics.Metrics;
using Grpc.Core;
using Winyx.Api.Caching;

namespace Winyx.Api.Metrics;

/// <summary>
/// The API's business and dependency instruments on the <c>Winyx.Api</c> meter. Names are the OTel
/// instrument names; the Prometheus exporter appends <c>_total</c> and the unit (<c>_seconds</c>).
/// Fixes a seed defect: the seed declares <c>user_registrations_total</c> without labels yet queries it by
/// <c>status</c>; here both counters carry <c>status</c> from the start.
/// </summary>
public sealed class ApiMetrics
{
    /// <summary>The meter every API instrument lives on.</summary>
    public const string MeterName = "Winyx.Api";

    // Seconds-scale buckets around the 0.5 s RpcHighLatency threshold (OTel's defaults are milliseconds).
    private static readonly double[] RpcBuckets = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly Counter<long> _registrations;
    private readonly Counter<long> _logins;
    private readonly Counter<long> _cacheHits;
    private readonly Counter<long> _cacheMisses;
    private readonly Histogram<double> _rpcDuration;

    /// <summary>Creates the instruments.</summary>
    public ApiMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _registrations = meter.CreateCounter<long>("user_registrations", description: "Registration attempts by outcome.");
        _logins = meter.CreateCounter<long>("user_logins", description: "Login attempts by outcome.");
        _cacheHits = meter.CreateCounter<long>("cache_hits", description: "User profile lookups served from a cache tier (tier: l1 memory, l2 Redis).");
        _cacheMisses = meter.CreateCounter<long>("cache_misses", description: "User profile lookups that went to UserRpc.");
        _rpcDuration = meter.CreateHistogram<double>("rpc_client_duration", unit: "s",
            description: "Duration of calls from the API to UserRpc.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = RpcBuckets });
    }

    /// <summary>
    /// Gives every counter series a zero, so it is scraped (and <c>rate()</c>/<c>increase()</c> see its first
    /// event) before anything happened. Must run once the meter listener is on: a measurement taken earlier is lost.
    /// </summary>
    public void SeedZeroes()
    {
        foreach (var status in Enum.GetValues<RegistrationStatus>())
        {
            _registrations.Add(0, StatusTag(status));
        }

        foreach (var status in Enum.GetValues<LoginStatus>())
        {
            _logins.Add(0, StatusTag(status));
        }

        foreach (var tier in Enum.GetValues<CacheTier>())
        {
            _cacheHits.Add(0, TierTags[(int)tier]);
        }

        _cacheMisses.Add(0);
    }

    /// <summary>Counts one registration attempt.</summary>
    public void Registration(RegistrationStatus status) => _registrations.Add(1, StatusTag(status));

    /// <summary>Counts one login attempt.</summary>
    public void Login(LoginStatus status) => _logins.Add(1, StatusTag(status));

    /// <summary>Counts one profile served from the cache tier <paramref name="tier"/>.</summary>
    public void CacheHit(CacheTier tier) => _cacheHits.Add(1, TierTags[(int)tier]);

    /// <summary>Counts one profile that had to come from UserRpc.</summary>
    public void CacheMiss() => _cacheMisses.Add(1);

    /// <summary>Records one UserRpc call.</summary>
    public void RpcCall(string method, StatusCode status, TimeSpan elapsed) =>
        _rpcDuration.Record(elapsed.TotalSeconds, new TagList
        {
            { "rpc_method", method },
            { "grpc_status", status.ToString() },
        });

    // The tier label's values, made once: a cached read allocates no tag.
    private static readonly KeyValuePair<string, object?>[] TierTags =
        Enum.GetValues<CacheTier>().Select(t => new KeyValuePair<string, object?>("tier", t.ToString().ToLowerInvariant())).ToArray();

    private static KeyValuePair<string, object?> StatusTag<TStatus>(TStatus status)
        where TStatus : struct, Enum => StatusTags<TStatus>.ByStatus[status];

    // One precomputed tag per enum value; RateLimited → "rate_limited" (Prometheus label values in snake case).
    private static class StatusTags<TStatus>
        where TStatus : struct, Enum
    {
        public static readonly Dictionary<TStatus, KeyValuePair<string, object?>> ByStatus =
            Enum.GetValues<TStatus>().ToDictionary(s => s, s => new KeyValuePair<string, object?>("status", Snake(s.ToString())));

        private static string Snake(string name) => string.Concat(name.Select((c, i) =>
            char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
    }
}
