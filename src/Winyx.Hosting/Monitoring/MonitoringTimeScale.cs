namespace Winyx.Hosting.Monitoring;

/// <summary>
/// The AppHost's <c>--time-scale</c> for monitoring: production timings divided by
/// <see cref="Factor"/>, so an end-to-end run proves in seconds what production sees in
/// minutes, against the same expressions. One instance feeds every renderer (rules, Prometheus,
/// Alertmanager), so their timings always agree.
/// </summary>
/// <param name="Factor">How many times faster than production; 1 keeps production timings.</param>
/// <example>
/// <code>
/// var scale = new MonitoringTimeScale(60);
/// scale.ScrapeInterval;                        // 1s (15s / 60 = 250ms, raised to MinimumInterval)
/// scale.CompressDuration(TimeSpan.FromMinutes(5)); // 5s
/// scale.CompressDuration(TimeSpan.FromMinutes(1)); // 2s (1s, raised to 2 scrape intervals)
/// </code>
/// </example>
public sealed record MonitoringTimeScale(double Factor)
{
    /// <summary>Production timings (the seed's 15 s scrape and evaluation intervals).</summary>
    public static MonitoringTimeScale Production { get; } = new(1);

    /// <summary>The production scrape interval (seed: 15 s).</summary>
    public TimeSpan BaseScrapeInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>The production rule evaluation interval (seed: 15 s).</summary>
    public TimeSpan BaseEvaluationInterval { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>The production interval at which Prometheus re-sends firing alerts (its default, 1 m).</summary>
    public TimeSpan BaseAlertResendDelay { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// No interval (scrape, evaluation, Alertmanager timings) goes below this: the services'
    /// Prometheus exporter caches a scrape for 300 ms, so faster scrapes would only re-read it.
    /// </summary>
    public TimeSpan MinimumInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Range windows and <c>for:</c> durations never go below this many scrape intervals, so
    /// <c>rate()</c> always has two samples to work with.
    /// </summary>
    public int DurationFloorInScrapeIntervals { get; init; } = 2;

    /// <summary>How many times faster than production; at least 1.</summary>
    public double Factor { get; init; } = ValidFactor(Factor);

    /// <summary>The scrape interval to configure.</summary>
    public TimeSpan ScrapeInterval => CompressInterval(BaseScrapeInterval);

    /// <summary>The rule evaluation interval to configure.</summary>
    public TimeSpan EvaluationInterval => CompressInterval(BaseEvaluationInterval);

    /// <summary>Prometheus' <c>--rules.alert.resend-delay</c> to configure.</summary>
    public TimeSpan AlertResendDelay => CompressInterval(BaseAlertResendDelay);

    /// <summary>The shortest window or <c>for:</c> a compressed rule gets.</summary>
    public TimeSpan DurationFloor => ScrapeInterval * DurationFloorInScrapeIntervals;

    /// <summary>
    /// A rule duration (range window, subquery resolution, offset, <c>for:</c>,
    /// <c>keep_firing_for:</c>) divided by the factor and rounded to milliseconds, raised to
    /// <see cref="DurationFloor"/>, but never longer than it was.
    /// </summary>
    public TimeSpan CompressDuration(TimeSpan duration) => Compress(duration, DurationFloor);

    /// <summary>An interval divided by the factor, raised to <see cref="MinimumInterval"/>, never longer than it was.</summary>
    public TimeSpan CompressInterval(TimeSpan interval) => Compress(interval, MinimumInterval);

    private TimeSpan Compress(TimeSpan duration, TimeSpan floor)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        if (duration == TimeSpan.Zero)
        {
            return duration;
        }

        var scaled = TimeSpan.FromMilliseconds(Math.Max(1, Math.Round(duration.TotalMilliseconds / Factor)));
        var raised = scaled < floor ? floor : scaled;
        return raised > duration ? duration : raised;
    }

    private static double ValidFactor(double factor) =>
        double.IsFinite(factor) && factor >= 1
            ? factor
            : throw new ArgumentOutOfRangeException(nameof(Factor), factor, "The time scale must be a finite number >= 1 (1 = production timings).");
}
