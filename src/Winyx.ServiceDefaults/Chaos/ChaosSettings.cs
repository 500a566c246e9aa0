using System.Text.Json.Serialization;

namespace Winyx.ServiceDefaults.Chaos;

/// <summary>
/// The faults to inject, as <c>PUT /admin/chaos</c> takes them and <c>GET</c> shows them:
/// <c>{"errorRatio":0.5,"latencyMs":800,"routes":["/api/users/{id}"]}</c>.
/// </summary>
public sealed record ChaosSettings
{
    /// <summary>The longest latency one may inject; a minute already trips every latency alert.</summary>
    public const int MaxLatencyMs = 60_000;

    /// <summary>The gRPC status of injected failures unless <see cref="Status"/> says otherwise.</summary>
    public const string InternalStatus = "Internal";

    /// <summary>The other gRPC status injected failures may carry.</summary>
    public const string UnavailableStatus = "Unavailable";

    /// <summary>Settings that inject nothing; what <c>GET</c> shows while chaos is off.</summary>
    public static ChaosSettings Off { get; } = new();

    /// <summary>Share of matching requests failed, 0–1.</summary>
    public double ErrorRatio { get; init; }

    /// <summary>Delay added before every matching request, in milliseconds (0–<see cref="MaxLatencyMs"/>).</summary>
    public int LatencyMs { get; init; }

    /// <summary>
    /// The targets to affect, empty meaning all: route templates (<c>/api/users/{id}</c>), page names
    /// (<c>/profile</c>) or gRPC method names (<c>GetUser</c> or <c>/winyx.user.v1.UserService/GetUser</c>).
    /// </summary>
    public IReadOnlyList<string> Routes { get; init; } = [];

    /// <summary>
    /// gRPC status of injected failures: <c>Internal</c> (default) or <c>Unavailable</c>. Internal by default
    /// because clients retry UNAVAILABLE, which would hide the faults. HTTP services answer 500 regardless.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Status { get; init; }

    /// <summary>Whether anything is injected at all.</summary>
    [JsonIgnore]
    public bool IsActive => ErrorRatio > 0 || LatencyMs > 0;

    /// <summary>The status injected failures carry: <see cref="InternalStatus"/> or <see cref="UnavailableStatus"/>.</summary>
    [JsonIgnore]
    public string FailureStatus =>
        string.Equals(Status, UnavailableStatus, StringComparison.OrdinalIgnoreCase) ? UnavailableStatus : InternalStatus;

    /// <summary>Problems with the settings, by JSON property name; empty when valid.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (double.IsNaN(ErrorRatio) || ErrorRatio is < 0 or > 1)
        {
            errors["errorRatio"] = ["errorRatio must be between 0 and 1."];
        }

        if (LatencyMs is < 0 or > MaxLatencyMs)
        {
            errors["latencyMs"] = [$"latencyMs must be between 0 and {MaxLatencyMs}."];
        }

        // A JSON null reaches here despite the annotation; it means "all", like an empty list.
        if (Routes?.Any(string.IsNullOrWhiteSpace) == true)
        {
            errors["routes"] = ["routes must not contain empty entries."];
        }

        if (Status is not null && !Status.Equals(InternalStatus, StringComparison.OrdinalIgnoreCase)
            && !Status.Equals(UnavailableStatus, StringComparison.OrdinalIgnoreCase))
        {
            errors["status"] = [$"status must be {InternalStatus} or {UnavailableStatus}."];
        }

        return errors;
    }

    /// <summary>
    /// The same settings in canonical form: routes normalized (<see cref="ChaosTarget.Normalize"/>) and
    /// de-duplicated, the status spelled as the gRPC status name. Call on valid settings only.
    /// </summary>
    public ChaosSettings Normalized() => this with
    {
        Routes = [.. (Routes ?? []).Select(ChaosTarget.Normalize).Distinct(StringComparer.OrdinalIgnoreCase)],
        Status = Status is null ? null : FailureStatus,
    };

    /// <summary>Whether a request or call to <paramref name="target"/> is affected.</summary>
    public bool Targets(string target)
    {
        if (Routes.Count == 0)
        {
            return true;
        }

        var normalized = ChaosTarget.Normalize(target);
        return Routes.Any(route => ChaosTarget.Matches(route, normalized));
    }
}
