using System.Globalization;

namespace Winyx.LoadTests.AlertProof.Observation;

/// <summary>
/// Decides whether a HighCPUUsage span is corroborated: the proof's own measurement of the host over the
/// rule's window before it fired reached the rule's threshold. Such an alert is true about the host,
/// whoever loaded it, so it is reported apart and not counted as a false positive.
/// </summary>
public sealed class HostLoadJudge(HostCpuSampler cpu, TimeSpan ruleWindow)
{
    // The rule and the proof read /proc/stat at different instants; their averages differ by a little.
    private const double Tolerance = 0.03;

    /// <summary>The reason <paramref name="span"/> is corroborated, or null when it is not (or is not a CPU alert).</summary>
    public string? Corroboration(AlertSpan span)
    {
        ArgumentNullException.ThrowIfNull(span);
        if (span.Name != "HighCPUUsage" || span.FiringAt is not { } firing)
        {
            return null;
        }

        var threshold = span.Severity == "critical" ? 0.95 : 0.80;
        var measured = cpu.Utilisation(span.SeenAt - ruleWindow, firing);
        return measured >= threshold - Tolerance
            ? string.Create(CultureInfo.InvariantCulture, $"{span.Identity}: the host measured {measured:P0} busy over the rule's window (threshold {threshold:P0})")
            : null;
    }
}
