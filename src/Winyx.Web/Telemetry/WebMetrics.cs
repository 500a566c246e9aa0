using System.Diagnostics.Metrics;

namespace Winyx.Web.Telemetry;

/// <summary>
/// The frontend's own instruments on the <c>Winyx.Web</c> meter. Prometheus sees them as
/// <c>frontend_render_duration_seconds{page}</c> (the seed's "frontend response &gt; 3s" alert)
/// and <c>frontend_api_call_duration_seconds{operation,status}</c>.
/// </summary>
public sealed class WebMetrics
{
    /// <summary>The meter name; ServiceDefaults exports every <c>Winyx.*</c> meter.</summary>
    public const string MeterName = "Winyx.Web";

    // Seconds, with edges around the 3 s alert threshold so its quantile is not interpolated
    // across a wide bucket (OTel's default edges are meant for milliseconds).
    private static readonly double[] Buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10];

    private readonly Histogram<double> _renderDuration;
    private readonly Histogram<double> _apiCallDuration;

    /// <summary>Creates the instruments.</summary>
    public WebMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        var advice = new InstrumentAdvice<double> { HistogramBucketBoundaries = Buckets };
        _renderDuration = meter.CreateHistogram(
            "frontend_render_duration", "s", "Time to produce a page response, by page route template.", advice: advice);
        _apiCallDuration = meter.CreateHistogram(
            "frontend_api_call_duration", "s", "Duration of the frontend's calls to the Api.", advice: advice);
    }

    /// <summary>Records one page response.</summary>
    public void RecordRender(string page, TimeSpan elapsed) =>
        _renderDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("page", page));

    /// <summary>Records one Api call; <paramref name="status"/> is the HTTP status or <c>error</c>.</summary>
    public void RecordApiCall(string operation, string status, TimeSpan elapsed) =>
        _apiCallDuration.Record(
            elapsed.TotalSeconds,
            new KeyValuePair<string, object?>("operation", operation),
            new KeyValuePair<string, object?>("status", status));
}
