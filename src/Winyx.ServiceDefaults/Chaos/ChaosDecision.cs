namespace Winyx.ServiceDefaults.Chaos;

/// <summary>What the chaos switch does to one request or call.</summary>
/// <param name="Latency">Delay before the handler runs.</param>
/// <param name="Fail">Whether to fail it instead of running the handler.</param>
/// <param name="FailureStatus">The gRPC status name a failed call carries (<see cref="ChaosSettings.FailureStatus"/>).</param>
public readonly record struct ChaosDecision(TimeSpan Latency, bool Fail, string FailureStatus)
{
    /// <summary>Leave it alone.</summary>
    public static ChaosDecision None => new(TimeSpan.Zero, false, ChaosSettings.InternalStatus);
}
