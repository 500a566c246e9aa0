namespace Winyx.LoadTests.Scheduling;

/// <summary>
/// When the open model's iterations are due: a piecewise-linear rate r(t) (iterations per second)
/// and its integral Λ(t). Iteration k (from 0) is due at the time t where Λ(t) = k, so a constant
/// rate spaces iterations evenly and fractional rates need no special case.
/// </summary>
internal sealed class ArrivalCurve
{
    private readonly Segment[] _segments;

    /// <summary>Creates a curve from segments laid end to end; the last may be open-ended.</summary>
    public ArrivalCurve(IReadOnlyList<(TimeSpan Duration, double StartRatePerSecond, double EndRatePerSecond)> segments)
    {
        ArgumentOutOfRangeException.ThrowIfZero(segments.Count);
        _segments = new Segment[segments.Count];
        double start = 0, cumulative = 0;
        for (var i = 0; i < segments.Count; i++)
        {
            var (duration, a, end) = segments[i];
            var seconds = duration == TimeSpan.MaxValue ? double.PositiveInfinity : duration.TotalSeconds;
            var slope = double.IsInfinity(seconds) ? 0 : (end - a) / seconds;
            _segments[i] = new Segment(start, seconds, a, slope, cumulative);
            start += seconds;
            cumulative += a * seconds + (slope * seconds * seconds / 2);
        }
    }

    /// <summary>A constant rate.</summary>
    public static ArrivalCurve Constant(double ratePerSecond, TimeSpan duration) =>
        new([(duration, ratePerSecond, ratePerSecond)]);

    /// <summary>Λ(t): iterations due from 0 to <paramref name="time"/>, fractional.</summary>
    public double Cumulative(TimeSpan time)
    {
        var t = time.TotalSeconds;
        var segment = SegmentAtTime(t);
        var local = Math.Min(t - segment.Start, segment.Seconds);
        return segment.CumulativeAtStart + (segment.StartRate * local) + (segment.Slope * local * local / 2);
    }

    /// <summary>The time at which iteration <paramref name="k"/> (from 0) is due; null when the curve never gets there.</summary>
    public TimeSpan? TimeOf(long k)
    {
        var segment = SegmentAtCount(k);
        var x = k - segment.CumulativeAtStart;
        // Solve a·t + s·t²/2 = x in the form that stays exact when s is 0 or tiny.
        var root = Math.Sqrt(Math.Max(0, (segment.StartRate * segment.StartRate) + (2 * segment.Slope * x)));
        var denominator = segment.StartRate + root;
        if (denominator <= 0)
        {
            return x <= 0 ? Seconds(segment.Start) : null;
        }

        var local = 2 * x / denominator;
        if (local > segment.Seconds)
        {
            return null;
        }

        return Seconds(segment.Start + local);
    }

    private static TimeSpan Seconds(double seconds) => TimeSpan.FromTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));

    private Segment SegmentAtTime(double t)
    {
        for (var i = _segments.Length - 1; i > 0; i--)
        {
            if (t >= _segments[i].Start)
            {
                return _segments[i];
            }
        }

        return _segments[0];
    }

    private Segment SegmentAtCount(long k)
    {
        // The segment holding Λ = k: the last one whose cumulative start is ≤ k.
        for (var i = _segments.Length - 1; i > 0; i--)
        {
            if (k >= _segments[i].CumulativeAtStart)
            {
                return _segments[i];
            }
        }

        return _segments[0];
    }

    private readonly record struct Segment(double Start, double Seconds, double StartRate, double Slope, double CumulativeAtStart);
}
