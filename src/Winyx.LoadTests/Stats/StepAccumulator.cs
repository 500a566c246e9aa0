using HdrHistogram;

namespace Winyx.LoadTests.Stats;

/// <summary>
/// The merged view of one step across every shard: cumulative histograms and counters, and what the
/// last interval added. Owned by the collector's lock.
/// </summary>
internal sealed class StepAccumulator
{
    private readonly LongHistogram _intervalOk = Histograms.Create();
    private readonly LongHistogram _intervalFail = Histograms.Create();
    private readonly LongHistogram _intervalCorrected = Histograms.Create();
    private readonly long[] _statusCodes = new long[StepRecorder.StatusSlots];
    private readonly long[] _failStatusCodes = new long[StepRecorder.StatusSlots];

    public StepAccumulator(string name)
    {
        Name = name;
    }

    public string Name { get; }

    public LongHistogram Ok { get; } = Histograms.Create();

    public LongHistogram Fail { get; } = Histograms.Create();

    public LongHistogram Corrected { get; } = Histograms.Create();

    /// <summary>Ok and failed latencies of the last interval together.</summary>
    public LongHistogram IntervalAll { get; } = Histograms.Create();

    public long OkCount { get; private set; }

    public long FailCount { get; private set; }

    public long OkBytes { get; private set; }

    public long FailBytes { get; private set; }

    private (long Min, long Max) OkSizes { get; set; }

    private (long Min, long Max) FailSizes { get; set; }

    public long IntervalOkCount { get; private set; }

    public long IntervalFailCount { get; private set; }

    public long IntervalBytes { get; private set; }

    public double IntervalCorrectedP99Ms => _intervalCorrected.TotalCount == 0 ? 0 : Histograms.ToMs(_intervalCorrected.GetValueAtPercentile(99));

    /// <summary>Drains every shard's recorder of this step and refreshes the counters.</summary>
    public void Merge(IReadOnlyList<StepRecorder> recorders)
    {
        _intervalOk.Reset();
        _intervalFail.Reset();
        _intervalCorrected.Reset();
        long ok = 0, fail = 0, okBytes = 0, failBytes = 0;
        (long Min, long Max) okSizes = (long.MaxValue, 0), failSizes = (long.MaxValue, 0);
        Array.Clear(_statusCodes);
        Array.Clear(_failStatusCodes);
        foreach (var recorder in recorders)
        {
            recorder.DrainInto(_intervalOk, _intervalFail, _intervalCorrected);
            ok += recorder.Ok;
            fail += recorder.Fail;
            okBytes += recorder.OkBytes;
            failBytes += recorder.FailBytes;
            okSizes = (Math.Min(okSizes.Min, recorder.OkMinBytes), Math.Max(okSizes.Max, recorder.OkMaxBytes));
            failSizes = (Math.Min(failSizes.Min, recorder.FailMinBytes), Math.Max(failSizes.Max, recorder.FailMaxBytes));
            for (var slot = 0; slot < StepRecorder.StatusSlots; slot++)
            {
                _statusCodes[slot] += recorder.StatusCount(slot);
                _failStatusCodes[slot] += recorder.FailStatusCount(slot);
            }
        }

        Ok.Add(_intervalOk);
        Fail.Add(_intervalFail);
        Corrected.Add(_intervalCorrected);
        IntervalAll.Reset();
        IntervalAll.Add(_intervalOk);
        IntervalAll.Add(_intervalFail);
        IntervalOkCount = ok - OkCount;
        IntervalFailCount = fail - FailCount;
        IntervalBytes = okBytes + failBytes - OkBytes - FailBytes;
        (OkCount, FailCount, OkBytes, FailBytes) = (ok, fail, okBytes, failBytes);
        OkSizes = okSizes;
        FailSizes = failSizes;
    }

    /// <summary>The cumulative stats over <paramref name="duration"/>.</summary>
    public StepStats ToStats(TimeSpan duration, IReadOnlyList<double> percentiles)
    {
        var all = OkCount + FailCount;
        var seconds = duration.TotalSeconds;
        OutcomeStats Outcome(long count, LongHistogram latency, long bytes, (long Min, long Max) sizes) => new(
            new RequestStats(count, seconds > 0 ? Math.Round(count / seconds, 2) : 0, all > 0 ? Math.Round(100.0 * count / all, 2) : 0),
            LatencyCalculator.From(latency, percentiles),
            new DataTransferStats(bytes, count > 0 ? sizes.Min : 0, count > 0 ? Math.Round((double)bytes / count, 1) : 0, count > 0 ? sizes.Max : 0));

        return new StepStats(
            Name,
            Outcome(OkCount, Ok, OkBytes, OkSizes),
            Outcome(FailCount, Fail, FailBytes, FailSizes),
            StatusCodeCounts(),
            OkBytes + FailBytes);
    }

    private List<StatusCodeCount> StatusCodeCounts()
    {
        var counts = new List<StatusCodeCount>();
        for (var slot = 0; slot < StepRecorder.StatusSlots; slot++)
        {
            var code = slot == StepRecorder.StatusSlots - 1 ? -1 : slot;
            var okCount = _statusCodes[slot] - _failStatusCodes[slot];
            if (okCount > 0)
            {
                counts.Add(new StatusCodeCount(code, okCount, false));
            }

            if (_failStatusCodes[slot] > 0)
            {
                counts.Add(new StatusCodeCount(code, _failStatusCodes[slot], true));
            }
        }

        return counts.OrderByDescending(c => c.Count).ToList();
    }
}
