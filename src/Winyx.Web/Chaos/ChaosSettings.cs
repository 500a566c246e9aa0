namespace Winyx.Web.Chaos;

/// <summary>
/// The faults to inject, as <c>PUT /admin/chaos</c> receives them:
/// <c>{"errorRatio":0.5,"latencyMs":800,"routes":["/profile"]}</c>.
/// </summary>
/// <param name="ErrorRatio">Share of matching page requests answered with the 500 error page, 0..1.</param>
/// <param name="LatencyMs">Delay added before each matching page request, 0..60000.</param>
/// <param name="Routes">Page route templates to affect; empty means every page.</param>
public sealed record ChaosSettings(double ErrorRatio, int LatencyMs, IReadOnlyList<string>? Routes)
{
    /// <summary>Longest injectable delay; a minute already trips every latency alert.</summary>
    public const int MaxLatencyMs = 60_000;

    /// <summary>No faults.</summary>
    public static ChaosSettings Off { get; } = new(0, 0, []);

    /// <summary>Whether a page with route template <paramref name="page"/> is affected.</summary>
    public bool Matches(string page) =>
        Routes is not { Count: > 0 } || Routes.Contains(page, StringComparer.OrdinalIgnoreCase);

    /// <summary>Field errors for out-of-range values; empty when valid.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (double.IsNaN(ErrorRatio) || ErrorRatio is < 0 or > 1)
        {
            errors["errorRatio"] = ["errorRatio must be between 0 and 1."];
        }

        if (LatencyMs is < 0 or > MaxLatencyMs)
        {
            errors["latencyMs"] = [$"latencyMs must be between 0 and {MaxLatencyMs}."];
        }

        return errors;
    }
}
