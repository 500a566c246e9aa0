using ProofStatus = Winyx.LoadTests.AlertProof.Cases.ProofStatus;

namespace Winyx.LoadTests.AlertProof;

/// <summary>The whole proof: the entries of <c>alert-proof.json</c> and the run around them (<c>alert-proof-run.json</c>).</summary>
/// <param name="StartedAt">When the proof started (fleet start included).</param>
/// <param name="FinishedAt">When it finished.</param>
/// <param name="TimeScale">The fleet's <c>--time-scale</c>.</param>
/// <param name="Machine">Cores, memory and OS of the machine.</param>
/// <param name="FleetStartSeconds">Fleet start → every resource healthy.</param>
/// <param name="Healthy">The no-false-positives run.</param>
/// <param name="Cases">Every case, in order.</param>
/// <param name="Entries">One entry per alert.</param>
public sealed record AlertProofRun(
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    double TimeScale,
    string Machine,
    double FleetStartSeconds,
    HealthyLoad.Result Healthy,
    IReadOnlyList<CaseResult> Cases,
    IReadOnlyList<AlertProofEntry> Entries)
{
    /// <summary>Wall time of the proof.</summary>
    public double WallSeconds => Math.Round((FinishedAt - StartedAt).TotalSeconds, 1);

    /// <summary>Expected alerts that fired and were notified, over all cases.</summary>
    public int TruePositives => Cases.Sum(c => c.Outcomes.Count(o => o.NotificationSeconds is not null));

    /// <summary>Expected alerts over all cases.</summary>
    public int ExpectedCount => Cases.Sum(c => c.Outcomes.Count);

    /// <summary>Alerts that fired though nothing called for them: in a case, or under healthy load.</summary>
    public int FalsePositives => Cases.Sum(c => c.Unexpected.Count) + Healthy.FalsePositives.Count;

    /// <summary>True positives over everything that fired and was not a listed consequence.</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : Math.Round((double)TruePositives / (TruePositives + FalsePositives), 3);

    /// <summary>True positives over expected alerts.</summary>
    public double Recall => ExpectedCount == 0 ? 1 : Math.Round((double)TruePositives / ExpectedCount, 3);

    /// <summary>Notification delay over theoretical minimum, for every proven tier.</summary>
    public IReadOnlyList<double> DetectionRatios =>
        [.. Cases.SelectMany(c => c.Outcomes).Where(o => o.DetectionRatio is not null).Select(o => Math.Round(o.DetectionRatio!.Value, 2)).Order()];

    /// <summary>The median detection ratio.</summary>
    public double? MedianDetectionRatio => DetectionRatios.Count == 0 ? null : DetectionRatios[DetectionRatios.Count / 2];

    /// <summary>The worst detection ratio.</summary>
    public double? WorstDetectionRatio => DetectionRatios.Count == 0 ? null : DetectionRatios[^1];

    /// <summary>True when no entry failed, no case check failed and nothing fired falsely under healthy load.</summary>
    public bool Passed => Entries.All(e => e.Status != ProofStatus.Failed) && Cases.All(c => c.Passed) && Healthy.FalsePositives.Count == 0;
}
