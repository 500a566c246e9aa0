namespace Winyx.LoadTests.AlertProof;

/// <summary>The <c>alerts</c> command's options.</summary>
/// <param name="OutputDirectory">Where the reports go.</param>
/// <param name="TimeScale">The fleet's <c>--time-scale</c>.</param>
/// <param name="Only">Case names to run; empty runs them all.</param>
public sealed record AlertProofOptions(string OutputDirectory, double TimeScale, IReadOnlyList<string> Only)
{
    /// <summary>The default time scale: 5-minute rules hold for 5 s, Prometheus scrapes every second.</summary>
    public const double DefaultTimeScale = 60;
}
