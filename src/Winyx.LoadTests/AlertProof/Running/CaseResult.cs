using Winyx.LoadTests.AlertProof.Cases;

namespace Winyx.LoadTests.AlertProof;

/// <summary>One case's run.</summary>
/// <param name="Name">The case.</param>
/// <param name="Fault">The fault, described.</param>
/// <param name="FaultAt">When the fault was put in place.</param>
/// <param name="RemovedAt">When it was removed.</param>
/// <param name="EndedAt">When the case stopped watching.</param>
/// <param name="Outcomes">Each expected alert's outcome.</param>
/// <param name="Observed">Every alert identity that fired during the case.</param>
/// <param name="Unexpected">Observed alerts neither expected nor a listed consequence nor corroborated by the host: false positives.</param>
/// <param name="HostBusy">Observed HighCPUUsage the proof's own measurement of the host corroborates.</param>
/// <param name="Checks">The case's extra assertions.</param>
/// <param name="Error">Why the case could not run to its end, or null.</param>
public sealed record CaseResult(
    string Name,
    string Fault,
    DateTimeOffset FaultAt,
    DateTimeOffset RemovedAt,
    DateTimeOffset EndedAt,
    IReadOnlyList<AlertOutcome> Outcomes,
    IReadOnlyList<string> Observed,
    IReadOnlyList<string> Unexpected,
    IReadOnlyList<string> HostBusy,
    IReadOnlyList<CaseCheck> Checks,
    string? Error)
{
    /// <summary>True when every expected alert is proven and every check held.</summary>
    public bool Passed => Error is null && Outcomes.All(o => o.Proven) && Checks.All(c => c.Passed);
}
