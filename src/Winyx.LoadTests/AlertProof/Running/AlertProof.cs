using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Winyx.LoadTests.AlertProof.Cases;
using Winyx.LoadTests.AlertProof.Fleet;
using Winyx.LoadTests.AlertProof.Reporting;

namespace Winyx.LoadTests.AlertProof;

/// <summary>
/// The alert proof: an isolated, time-compressed fleet from the real AppHost; a healthy-load run that
/// must stay silent; then every case of <see cref="ProofCatalog"/>; then the reports.
/// </summary>
public static class AlertProof
{
    /// <summary>Runs the proof and writes <c>alert-proof.json</c>, <c>alert-proof-run.json</c>, <c>report.html</c> and <c>report.md</c> into <paramref name="options"/>' folder.</summary>
    public static async Task<AlertProofRun> RunAsync(AlertProofOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        var startedAt = DateTimeOffset.UtcNow;
        var plan = ProofPlan.ForThisMachine(options.TimeScale);
        var cases = ProofCatalog.Cases(plan).Where(c => options.Only.Count == 0 || options.Only.Contains(c.Name, StringComparer.Ordinal)).ToList();
        var arguments = ProofPlan.AppHostArguments(cases);
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"alert proof: {cases.Count} cases; starting an isolated fleet at --time-scale {options.TimeScale:0.###} {string.Join(" ", arguments)}"));
        var clock = Stopwatch.StartNew();
        var fleet = await IsolatedFleet.StartAsync(options.TimeScale, arguments, progress, cancellationToken).ConfigureAwait(false);
        await using (fleet.ConfigureAwait(false))
        {
            var fleetStart = clock.Elapsed;
            progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fleet healthy in {fleetStart.TotalSeconds:0.0} s; Aspire dashboard: {fleet.DashboardUrl}"));
            using var context = await ProofContext.CreateAsync(fleet, progress, cancellationToken).ConfigureAwait(false);
            await using (context.Watcher.ConfigureAwait(false))
            await using (context.Cpu.ConfigureAwait(false))
            {
                var holds = await context.Apis.RuleHoldDurationsAsync(cancellationToken).ConfigureAwait(false);
                var healthy = await HealthyLoad.RunAsync(context, HealthyDuration(context), cancellationToken).ConfigureAwait(false);
                var runner = new CaseRunner(context, holds);
                var results = new List<CaseResult>();
                foreach (var proofCase in cases)
                {
                    results.Add(await runner.RunAsync(proofCase, cancellationToken).ConfigureAwait(false));
                }

                var run = new AlertProofRun(
                    startedAt, DateTimeOffset.UtcNow, options.TimeScale, Machine(), Math.Round(fleetStart.TotalSeconds, 1), healthy, results, AlertProofEntries.From(cases, results));
                AlertProofReports.Write(options.OutputDirectory, run, context.Watcher.Spans(), [.. context.LoadResults]);
                Summarize(run, options.OutputDirectory, progress);
                return run;
            }
        }
    }

    // The longest window of the rules the proof fires (the fast burn's 1 h), compressed: the healthy
    // mix must pass through it without a single alert.
    private static TimeSpan HealthyDuration(ProofContext context) => context.Scale.CompressDuration(TimeSpan.FromHours(1));

    private static string Machine() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Environment.ProcessorCount} cores, {Faults.HostMeasurements.Memory().Total / (1024.0 * 1024 * 1024):0.#} GiB, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");

    private static void Summarize(AlertProofRun run, string directory, TextWriter progress)
    {
        var counts = run.Entries.GroupBy(e => e.Status).Select(g => $"{g.Count()} {g.Key}");
        var catalogProven = run.Entries.Count(e => e.Catalog && e.Status == ProofStatus.Proven);
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"alert proof: {string.Join(", ", counts)} ({catalogProven} of {ProofCatalog.CatalogAlerts.Length} catalog alerts proven at their default threshold); precision {run.Precision:0.###}, recall {run.Recall:0.###}; detection/theoretical median {run.MedianDetectionRatio:0.##}, worst {run.WorstDetectionRatio:0.##}; {run.WallSeconds:0} s"));
        progress.WriteLine($"reports: {Path.Combine(directory, "alert-proof.json")}, {Path.Combine(directory, "report.html")}, {Path.Combine(directory, "report.md")}");
        progress.WriteLine(run.Passed ? "alert proof passed" : "alert proof FAILED");
    }
}
