namespace Winyx.LoadTests.AlertProof.Cases;

/// <summary>How an alert was proven, as <c>alert-proof.json</c> spells it.</summary>
public static class ProofStatus
{
    /// <summary>Fired, notified the right receivers and resolved, at the catalog's default threshold.</summary>
    public const string Proven = "proven";

    /// <summary>As <see cref="Proven"/>, with a threshold lowered for the run; the entry says which and why.</summary>
    public const string ProvenOverride = "proven-override";

    /// <summary>Not provoked end to end; only <c>promtool test rules</c> covers it, for the reason given.</summary>
    public const string PromtoolOnly = "promtool-only";

    /// <summary>Provoked, but it did not fire, route or resolve as it must. Never hidden.</summary>
    public const string Failed = "failed";
}
