using System.Diagnostics.Metrics;

namespace Winyx.ServiceDefaults.Metrics;

/// <summary>
/// The seed's request instruments (seed 000 §5.3.2). The Prometheus exporter appends <c>_total</c> to
/// counters and the unit to histograms, so Prometheus sees <c>http_requests_total{method,endpoint,status}</c>
/// and <c>http_request_duration_seconds{method,endpoint}</c>.
/// </summary>
public sealed class HttpMetrics
{
    /// <summary>The meter that owns the instruments.</summary>
    public const string MeterName = "Winyx.Http";

    // Prometheus client_golang's DefBuckets, which the seed's histogram used.
    private static readonly double[] Buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly Counter<long> _requests;
    private readonly Histogram<double> _duration;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>.</summary>
    public HttpMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _requests = meter.CreateCounter<long>("http_requests", description: "Total number of HTTP requests");
        _duration = meter.CreateHistogram(
            "http_request_duration",
            unit: "s",
            description: "HTTP request duration in seconds",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = Buckets });
    }

    /// <summary>Records one finished request.</summary>
    public void Record(string method, string endpoint, int status, TimeSpan duration)
    {
        var methodTag = new KeyValuePair<string, object?>("method", method);
        var endpointTag = new KeyValuePair<string, object?>("endpoint", endpoint);
        _requests.Add(1, methodTag, endpointTag, new KeyValuePair<string, object?>("status", StatusLabel(status)));
        _duration.Record(duration.TotalSeconds, methodTag, endpointTag);
    }

    // Made once, so recording a request allocates no status string.
    private static readonly string[] StatusLabels =
        Enumerable.Range(0, 600).Select(s => s >= 100 ? s.ToString(System.Globalization.CultureInfo.InvariantCulture) : "other").ToArray();

    private static string StatusLabel(int status) => (uint)status < (uint)StatusLabels.Length ? StatusLabels[status] : "other";
}
