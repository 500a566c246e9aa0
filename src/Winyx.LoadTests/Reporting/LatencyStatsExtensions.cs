using Winyx.LoadTests.Stats;

namespace Winyx.LoadTests.Reporting;

/// <summary>Report helpers over <see cref="LatencyStats"/>.</summary>
internal static class LatencyStatsExtensions
{
    /// <summary>p99 when configured, else the max: reports must not throw over a custom percentile list.</summary>
    public static double P99OrMax(this LatencyStats stats) =>
        stats.Percentiles.FirstOrDefault(p => Math.Abs(p.Percentile - 99) < 1e-9)?.Ms ?? stats.MaxMs;
}
