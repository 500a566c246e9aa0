using HdrHistogram;
using Winyx.LoadTests.Scenarios;

namespace Winyx.LoadTests.Stats;

/// <summary>
/// Live counters and latency recorders of one step (or a scenario's whole iteration) in one
/// <see cref="WorkerStats"/> shard. Writers are the iterations; the one reader is the collector,
/// which drains interval histograms and reads the counters.
/// </summary>
internal sealed class StepRecorder
{
    /// <summary>Status codes 0–999 are counted apart; any other lands in the last slot.</summary>
    public const int StatusSlots = 1001;

    private readonly long[] _statusCodes = new long[StatusSlots];
    private readonly long[] _failStatusCodes = new long[StatusSlots];
    private long _ok;
    private long _fail;
    private long _okBytes;
    private long _failBytes;
    private long _okMinBytes = long.MaxValue;
    private long _okMaxBytes;
    private long _failMinBytes = long.MaxValue;
    private long _failMaxBytes;

    // Read by the collector only: interval histograms handed back to the recorders for reuse.
    private HistogramBase? _okRecycle;
    private HistogramBase? _failRecycle;
    private HistogramBase? _correctedRecycle;

    private Recorder OkLatency { get; } = Histograms.CreateRecorder();

    private Recorder FailLatency { get; } = Histograms.CreateRecorder();

    /// <summary>Latency from the intended start (open model; equal to the measured latency in the closed model).</summary>
    private Recorder CorrectedLatency { get; } = Histograms.CreateRecorder();

    public long Ok => Interlocked.Read(ref _ok);

    public long Fail => Interlocked.Read(ref _fail);

    public long OkBytes => Interlocked.Read(ref _okBytes);

    public long FailBytes => Interlocked.Read(ref _failBytes);

    public long OkMinBytes => Interlocked.Read(ref _okMinBytes);

    public long OkMaxBytes => Interlocked.Read(ref _okMaxBytes);

    public long FailMinBytes => Interlocked.Read(ref _failMinBytes);

    public long FailMaxBytes => Interlocked.Read(ref _failMaxBytes);

    public void Record(in Response response, TimeSpan latency, TimeSpan fromIntendedStart)
    {
        if (response.IsOk)
        {
            OkLatency.RecordValue(Histograms.ToValue(latency));
            Interlocked.Increment(ref _ok);
            Interlocked.Add(ref _okBytes, response.SizeBytes);
            TrackSize(ref _okMinBytes, ref _okMaxBytes, response.SizeBytes);
        }
        else
        {
            FailLatency.RecordValue(Histograms.ToValue(latency));
            Interlocked.Increment(ref _fail);
            Interlocked.Add(ref _failBytes, response.SizeBytes);
            TrackSize(ref _failMinBytes, ref _failMaxBytes, response.SizeBytes);
        }

        CorrectedLatency.RecordValue(Histograms.ToValue(fromIntendedStart));
        var slot = response.StatusCode is >= 0 and < StatusSlots - 1 ? response.StatusCode : StatusSlots - 1;
        Interlocked.Increment(ref _statusCodes[slot]);
        if (!response.IsOk)
        {
            Interlocked.Increment(ref _failStatusCodes[slot]);
        }

    }

    /// <summary>Adds what was recorded since the last drain to the targets. Collector thread only.</summary>
    public void DrainInto(HistogramBase ok, HistogramBase fail, HistogramBase corrected)
    {
        _okRecycle = OkLatency.GetIntervalHistogram(_okRecycle);
        ok.Add(_okRecycle);
        _failRecycle = FailLatency.GetIntervalHistogram(_failRecycle);
        fail.Add(_failRecycle);
        _correctedRecycle = CorrectedLatency.GetIntervalHistogram(_correctedRecycle);
        corrected.Add(_correctedRecycle);
    }

    public long StatusCount(int slot) => Interlocked.Read(ref _statusCodes[slot]);

    public long FailStatusCount(int slot) => Interlocked.Read(ref _failStatusCodes[slot]);

    private static void TrackSize(ref long min, ref long max, long size)
    {
        long seen;
        while (size < (seen = Interlocked.Read(ref min)) && Interlocked.CompareExchange(ref min, size, seen) != seen)
        {
        }

        while (size > (seen = Interlocked.Read(ref max)) && Interlocked.CompareExchange(ref max, size, seen) != seen)
        {
        }
    }
}
