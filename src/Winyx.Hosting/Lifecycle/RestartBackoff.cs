using Winyx.Hosting.ApplicationModel;

namespace Winyx.Hosting.Lifecycle;

/// <summary>Decides whether and when a resource that exited on its own is started again.</summary>
public static class RestartBackoff
{
    /// <summary>A run longer than this counts as stable: the next crash starts the backoff over.</summary>
    public static TimeSpan StableAfter { get; } = TimeSpan.FromMinutes(1);

    /// <summary>True when <paramref name="policy"/> restarts after exit code <paramref name="exitCode"/> and the budget allows it.</summary>
    public static bool ShouldRestart(RestartPolicyAnnotation policy, int exitCode, int consecutiveRestarts)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var wanted = policy.Policy switch
        {
            RestartPolicy.Always => true,
            RestartPolicy.OnFailure => exitCode != 0,
            _ => false,
        };
        return wanted && consecutiveRestarts < policy.MaxRestarts;
    }

    /// <summary>The delay before restart number <paramref name="consecutiveRestarts"/> (0-based): doubling, capped.</summary>
    public static TimeSpan Delay(RestartPolicyAnnotation policy, int consecutiveRestarts)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var factor = Math.Pow(2, Math.Min(consecutiveRestarts, 20));
        var delay = TimeSpan.FromTicks((long)Math.Min(policy.InitialDelay.Ticks * factor, policy.MaxDelay.Ticks));
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }
}
