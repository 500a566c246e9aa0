using HdrHistogram;

namespace Winyx.LoadTests.Stats;

/// <summary>Reads <see cref="LatencyStats"/> out of a histogram of microseconds.</summary>
internal static class LatencyCalculator
{
    public static LatencyStats From(HistogramBase histogram, IReadOnlyList<double> percentiles)
    {
        if (histogram.TotalCount == 0)
        {
            return LatencyStats.Empty(percentiles);
        }

        var min = histogram.LowestEquivalentValue(histogram.RecordedValues().First().ValueIteratedTo);
        return new LatencyStats(
            histogram.TotalCount,
            Round(Histograms.ToMs(min)),
            Round(Histograms.ToMs(histogram.GetMean())),
            Round(Histograms.ToMs(histogram.GetMaxValue())),
            Round(Histograms.ToMs(histogram.GetStdDeviation())),
            percentiles.Select(p => new PercentileValue(p, Round(Histograms.ToMs(histogram.GetValueAtPercentile(p))))).ToArray());
    }

    private static double Round(double ms) => Math.Round(ms, 3);
}
