using Winyx.LoadTests.AlertProof.Cases;

namespace Winyx.LoadTests.AlertProof;

/// <summary>Folds case results into one entry per alert: the catalog's 18 first, then Winyx's additions.</summary>
public static class AlertProofEntries
{
    /// <summary>The entries.</summary>
    public static IReadOnlyList<AlertProofEntry> From(IReadOnlyList<ProofCase> cases, IReadOnlyList<CaseResult> results)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(results);
        var proven = cases.Zip(results)
            .SelectMany(pair => pair.First.Expected.Zip(pair.Second.Outcomes, (expected, outcome) => (Case: pair.First, Result: pair.Second, Expected: expected, Outcome: outcome)))
            .GroupBy(t => t.Expected.Name, StringComparer.Ordinal)
            .Select(Entry);
        var promtool = ProofCatalog.PromtoolOnly.Select(p => new AlertProofEntry(
            p.Key, ProofStatus.PromtoolOnly, ProofCatalog.CatalogAlerts.Contains(p.Key), null, null, null, null, null, null, [], [], null, null, p.Value, []));
        return [.. proven.Concat(promtool)
            .OrderBy(e => Array.IndexOf(ProofCatalog.CatalogAlerts, e.Name) is var i && i >= 0 ? i : int.MaxValue)
            .ThenBy(e => e.Name, StringComparer.Ordinal)];
    }

    private static AlertProofEntry Entry(IGrouping<string, (ProofCase Case, CaseResult Result, ExpectedAlert Expected, AlertOutcome Outcome)> tiers)
    {
        var first = tiers.First();
        var failures = tiers.SelectMany(t => t.Outcome.Problems.Select(p => $"{t.Outcome.Severity}: {p}")
            .Concat(t.Result.Checks.Where(c => !c.Passed).Select(c => $"{t.Case.Name}: {c.Name} did not hold ({c.Detail})"))
            .Concat(t.Result.Error is { } error ? [$"{t.Case.Name}: {error}"] : [])).ToList();
        var overrides = tiers.Select(t => t.Expected.Override).OfType<ThresholdOverride>().ToList();
        var status = failures.Count > 0 ? ProofStatus.Failed : overrides.Count > 0 ? ProofStatus.ProvenOverride : ProofStatus.Proven;
        var outcome = first.Outcome;
        return new AlertProofEntry(
            tiers.Key,
            status,
            ProofCatalog.CatalogAlerts.Contains(tiers.Key),
            outcome.Severity,
            first.Case.Name,
            first.Case.Fault.Description,
            outcome.NotificationSeconds,
            outcome.FiringSeconds,
            outcome.TheoreticalMinimumSeconds,
            outcome.NotifiedReceivers,
            outcome.ExpectedReceivers,
            outcome.ResolvedSeconds,
            overrides.Count > 0 ? string.Join("; ", overrides.Select(o => o.Describe())) : null,
            failures.Count > 0 ? string.Join("; ", failures) : null,
            [.. tiers.Select(t => t.Outcome)]);
    }
}
