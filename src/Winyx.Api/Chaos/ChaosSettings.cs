using System.Text.Json.Serialization;

namespace Winyx.Api.Chaos;

/// <summary>The faults being injected right now.</summary>
/// <param name="ErrorRatio">Share of matching requests answered with a 500 problem (0–1).</param>
/// <param name="LatencyMs">Delay added before matching requests run.</param>
/// <param name="Routes">Normalized targets; empty means every target that is not exempt.</param>
public sealed record ChaosSettings(double ErrorRatio, int LatencyMs, IReadOnlyList<string> Routes)
{
    /// <summary>No faults.</summary>
    public static ChaosSettings Off { get; } = new(0, 0, []);

    /// <summary>Whether anything is injected.</summary>
    [JsonIgnore]
    public bool IsActive => ErrorRatio > 0 || LatencyMs > 0;

    /// <summary>Whether <paramref name="target"/> (normalized) is chosen.</summary>
    public bool Targets(string target) =>
        Routes.Count == 0 || Routes.Contains(target, StringComparer.OrdinalIgnoreCase);
}
