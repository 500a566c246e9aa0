namespace Winyx.LoadTests.Stats;

/// <summary>What the stats compute.</summary>
public sealed record StatsOptions
{
    /// <summary>The percentiles reported, NBomber's plus p90 and p99.9.</summary>
    public static readonly IReadOnlyList<double> DefaultPercentiles = [50, 75, 90, 95, 99, 99.9];

    /// <summary>The latency percentiles to report.</summary>
    public IReadOnlyList<double> Percentiles { get; init; } = DefaultPercentiles;

    /// <summary>How often snapshots are taken, progress printed and thresholds checked.</summary>
    public TimeSpan ReportingInterval { get; init; } = TimeSpan.FromSeconds(1);
}
