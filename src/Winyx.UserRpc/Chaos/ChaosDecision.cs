using Grpc.Core;

namespace Winyx.UserRpc.Chaos;

/// <summary>What the chaos switch does to one call.</summary>
/// <param name="Latency">Delay before the handler runs.</param>
/// <param name="Failure">Status to fail the call with, or null to let it through.</param>
internal readonly record struct ChaosDecision(TimeSpan Latency, StatusCode? Failure)
{
    /// <summary>Leave the call alone.</summary>
    public static ChaosDecision None => default;
}
