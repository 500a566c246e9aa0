using System.Globalization;
using Winyx.LoadTests.AlertProof.Cases;

namespace Winyx.LoadTests.AlertProof.Reporting;

/// <summary>The headline figures, shared by the Markdown and HTML reports.</summary>
public static class AlertProofSummary
{
    /// <summary>One line per figure.</summary>
    public static IReadOnlyList<string> Lines(AlertProofRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var statuses = string.Join(", ", run.Entries.GroupBy(e => e.Status).Select(g => $"{g.Count()} {g.Key}"));
        var catalog = run.Entries.Where(e => e.Catalog).ToList();
        return
        [
            F($"Verdict: **{(run.Passed ? "passed" : "FAILED")}**; {run.Entries.Count} alerts: {statuses}"),
            F($"Catalog: {catalog.Count(e => e.Status == ProofStatus.Proven)} of {ProofCatalog.CatalogAlerts.Length} proven at the default threshold, {catalog.Count(e => e.Status == ProofStatus.ProvenOverride)} with a lowered threshold"),
            F($"Precision {run.Precision:0.###} ({run.TruePositives} expected alerts notified, {run.FalsePositives} false positives); recall {run.Recall:0.###} ({run.TruePositives} of {run.ExpectedCount})"),
            F($"Detection (fault → notification) over theoretical minimum: median {run.MedianDetectionRatio:0.00}, worst {run.WorstDetectionRatio:0.00}"),
            F($"Healthy load: {run.Healthy.Requests:N0} requests over {(run.Healthy.EndedAt - run.Healthy.StartedAt).TotalSeconds:0} s, {run.Healthy.Failed:N0} failed; false positives: {(run.Healthy.FalsePositives.Count == 0 ? "none" : string.Join(", ", run.Healthy.FalsePositives))}{(run.Healthy.HostBusy.Count == 0 ? "" : "; corroborated by the host's own CPU reading: " + string.Join("; ", run.Healthy.HostBusy))}"),
            F($"Time scale ×{run.TimeScale:0.###}; fleet healthy in {run.FleetStartSeconds:0.0} s; wall time {run.WallSeconds:0} s; started {run.StartedAt:yyyy-MM-dd HH:mm:ss} UTC on {run.Machine}"),
        ];
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
