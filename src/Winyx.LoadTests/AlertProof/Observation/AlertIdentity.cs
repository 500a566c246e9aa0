namespace Winyx.LoadTests.AlertProof.Observation;

/// <summary>How the proof names one alert instance: its name, then its other labels sorted.</summary>
public static class AlertIdentity
{
    /// <summary><c>HighCPUUsage{instance="…",severity="warning"}</c>.</summary>
    public static string Of(IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var rest = labels.Where(l => l.Key != "alertname").OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}=\"{l.Value}\"");
        return $"{labels.GetValueOrDefault("alertname", "?")}{{{string.Join(",", rest)}}}";
    }
}
