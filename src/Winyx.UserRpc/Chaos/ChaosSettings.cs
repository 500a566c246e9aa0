using Grpc.Core;

namespace Winyx.UserRpc.Chaos;

/// <summary>
/// The faults to inject, as <c>PUT /admin/chaos</c> takes them:
/// <c>{"errorRatio":0.5,"latencyMs":800,"routes":["Register"]}</c>.
/// </summary>
public sealed record ChaosSettings
{
    /// <summary>Settings that inject nothing; what <c>GET</c> shows while chaos is off.</summary>
    public static ChaosSettings Off { get; } = new();

    /// <summary>Share of calls failed, 0–1.</summary>
    public double ErrorRatio { get; init; }

    /// <summary>Delay added before every matching call, in milliseconds (0–60000).</summary>
    public int LatencyMs { get; init; }

    /// <summary>gRPC method names (<c>Register</c> or <c>/winyx.user.v1.UserService/Register</c>); empty = all.</summary>
    public IReadOnlyList<string> Routes { get; init; } = [];

    /// <summary>Status of injected failures: <c>Internal</c> (default) or <c>Unavailable</c>.</summary>
    /// <remarks>Internal by default because clients retry UNAVAILABLE, which would hide the faults.</remarks>
    public string? Status { get; init; }

    /// <summary>The status code injected failures carry.</summary>
    internal StatusCode FailureStatus =>
        string.Equals(Status, nameof(StatusCode.Unavailable), StringComparison.OrdinalIgnoreCase)
            ? StatusCode.Unavailable
            : StatusCode.Internal;

    /// <summary>Problems with the settings, by JSON property name; empty when valid.</summary>
    internal Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (ErrorRatio is < 0 or > 1 || double.IsNaN(ErrorRatio))
        {
            errors["errorRatio"] = ["errorRatio must be between 0 and 1."];
        }

        if (LatencyMs is < 0 or > 60_000)
        {
            errors["latencyMs"] = ["latencyMs must be between 0 and 60000."];
        }

        if (Routes is null || Routes.Any(string.IsNullOrWhiteSpace))
        {
            errors["routes"] = ["routes must be a list of gRPC method names."];
        }

        if (Status is not null && !Status.Equals(nameof(StatusCode.Internal), StringComparison.OrdinalIgnoreCase)
            && !Status.Equals(nameof(StatusCode.Unavailable), StringComparison.OrdinalIgnoreCase))
        {
            errors["status"] = ["status must be Internal or Unavailable."];
        }

        return errors;
    }
}
