namespace Winyx.LoadTests.AlertProof.Cases;

/// <summary>An alert a fault must raise.</summary>
/// <param name="Name">The alert's name.</param>
/// <param name="Severity">The tier that must fire (<c>warning</c> or <c>critical</c>), or <see cref="AnySeverity"/>.</param>
public sealed record ExpectedAlert(string Name, string Severity)
{
    /// <summary>
    /// Either tier proves the alert: where the fault's strength is the machine's to decide (CPU saturated by
    /// legitimate load reaches 80 % or 95 %), and a critical that fires inhibits its warning twin.
    /// </summary>
    public const string AnySeverity = "any";

    /// <summary>Whether an alert of <paramref name="severity"/> is this tier.</summary>
    public bool IsTier(string severity) => Severity == AnySeverity || Severity == severity;

    /// <summary>
    /// The threshold lowered for the run and why, as <c>--alert-threshold</c> gave it; null at the
    /// catalog's default (status <c>proven</c>).
    /// </summary>
    public ThresholdOverride? Override { get; init; }

    /// <summary>
    /// Time the condition itself needs after the fault starts, on top of the monitoring pipeline
    /// (e.g. a backup's age crossing its threshold); part of the theoretical minimum.
    /// </summary>
    public TimeSpan InherentDelay { get; init; }

    /// <summary><c>Name/severity</c>.</summary>
    public override string ToString() => $"{Name}/{Severity}";
}
