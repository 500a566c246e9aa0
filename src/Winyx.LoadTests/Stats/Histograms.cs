using HdrHistogram;

namespace Winyx.LoadTests.Stats;

/// <summary>How the engine's HdrHistograms are shaped: microseconds, 1 µs to 1 hour, 3 significant digits.</summary>
internal static class Histograms
{
    public const long Lowest = 1;
    public const long Highest = 3_600_000_000;
    public const int Digits = 3;

    /// <summary>A histogram for one reader to accumulate into.</summary>
    public static LongHistogram Create() => new(Lowest, Highest, Digits);

    /// <summary>A recorder that many threads write to and one reader drains per interval.</summary>
    public static Recorder CreateRecorder() =>
        new(Lowest, Highest, Digits, (id, lowest, highest, digits) => new LongConcurrentHistogram(id, lowest, highest, digits));

    /// <summary>A duration as the recorded value: whole microseconds, clamped into the trackable range.</summary>
    public static long ToValue(TimeSpan duration) => Math.Clamp(duration.Ticks / 10, Lowest, Highest);

    /// <summary>A recorded value in milliseconds.</summary>
    public static double ToMs(double value) => value / 1000.0;
}
