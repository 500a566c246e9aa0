namespace Winyx.Hosting.ApplicationModel;

/// <summary>What "ready" means for a dependency.</summary>
public enum WaitType
{
    /// <summary>The dependency is Running and, when it has health checks, Healthy.</summary>
    WaitUntilHealthy,

    /// <summary>The dependency ran to completion with the expected exit code (a migration, a seed job).</summary>
    WaitForCompletion,
}
