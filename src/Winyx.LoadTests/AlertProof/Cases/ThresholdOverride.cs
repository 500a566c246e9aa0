using System.Globalization;

namespace Winyx.LoadTests.AlertProof.Cases;

/// <summary>A threshold lowered for the run, passed to the AppHost as <c>--alert-threshold ALERT:SEVERITY=VALUE</c>.</summary>
/// <param name="Alert">The alert.</param>
/// <param name="Severity">The tier whose threshold changes.</param>
/// <param name="Value">The threshold for the run.</param>
/// <param name="Catalog">The catalog's threshold, as the rule writes it.</param>
/// <param name="Reason">Why the real one is not reached here.</param>
public sealed record ThresholdOverride(string Alert, string Severity, double Value, string Catalog, string Reason)
{
    /// <summary>The AppHost argument.</summary>
    public string Argument => string.Create(CultureInfo.InvariantCulture, $"{Alert}:{Severity}={Value:0.####}");

    /// <summary>One sentence for the report.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"threshold {Value:0.####} instead of {Catalog}: {Reason}");
}
