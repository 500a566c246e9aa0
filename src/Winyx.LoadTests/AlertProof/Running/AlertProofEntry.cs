namespace Winyx.LoadTests.AlertProof;

/// <summary>One alert of <c>alert-proof.json</c> (DESIGN.md's contract plus the detail a reader needs).</summary>
/// <param name="Name">The alert.</param>
/// <param name="Status"><c>proven</c>, <c>proven-override</c>, <c>promtool-only</c> or <c>failed</c>.</param>
/// <param name="Catalog">True for the 18 alerts of DESIGN.md's catalog.</param>
/// <param name="Severity">The tier proven (the first, when a case proved two).</param>
/// <param name="Case">The case that proved it.</param>
/// <param name="Fault">The fault provoked.</param>
/// <param name="DetectionSeconds">Fault start → the first firing notification.</param>
/// <param name="FiringSeconds">Fault start → firing in Prometheus.</param>
/// <param name="TheoreticalMinimumSeconds"><c>for</c> + scrape + evaluation + <c>group_wait</c>, compressed, plus the condition's own delay.</param>
/// <param name="NotifiedReceivers">Receivers that delivered it.</param>
/// <param name="ExpectedReceivers">Receivers the routing tree names.</param>
/// <param name="ResolvedSeconds">Fault removed → the resolved notification.</param>
/// <param name="Override">The lowered threshold and why, for <c>proven-override</c>.</param>
/// <param name="Reason">Why it is <c>promtool-only</c>, or what failed.</param>
/// <param name="Tiers">Every tier proven, with its own figures.</param>
public sealed record AlertProofEntry(
    string Name,
    string Status,
    bool Catalog,
    string? Severity,
    string? Case,
    string? Fault,
    double? DetectionSeconds,
    double? FiringSeconds,
    double? TheoreticalMinimumSeconds,
    IReadOnlyList<string> NotifiedReceivers,
    IReadOnlyList<string> ExpectedReceivers,
    double? ResolvedSeconds,
    string? Override,
    string? Reason,
    IReadOnlyList<AlertOutcome> Tiers);
