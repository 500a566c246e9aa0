using Winyx.LoadTests.AlertProof.Faults;

namespace Winyx.LoadTests.AlertProof.Cases;

/// <summary>
/// One fault and what it must raise: the alerts that must fire, be notified to exactly the
/// receivers the routing tree names, and resolve once the fault is removed.
/// </summary>
/// <param name="Name">A short name (also the folder of its load report).</param>
/// <param name="Fault">The fault provoked.</param>
/// <param name="Expected">Alerts that must fire (recall counts these).</param>
public sealed record ProofCase(string Name, Fault Fault, IReadOnlyList<ExpectedAlert> Expected)
{
    /// <summary>
    /// Alerts a correct fleet may also raise for this fault (a consequence, not a false positive:
    /// a 5xx storm also burns the error budget). Precision counts anything else as a false positive.
    /// </summary>
    public IReadOnlyList<string> Consequences { get; init; } = [];

    /// <summary>Extra assertions once the expected alerts fire (the seed's MySQLDown defect, inhibition).</summary>
    public Func<ProofContext, CancellationToken, Task<IReadOnlyList<CaseCheck>>>? WhileFiring { get; init; }
}
