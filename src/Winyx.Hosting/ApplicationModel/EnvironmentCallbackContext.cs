namespace Winyx.Hosting.ApplicationModel;

/// <summary>Passed to environment callbacks: add to <see cref="EnvironmentVariables"/>.</summary>
public sealed class EnvironmentCallbackContext : ResourceLaunchContext
{
    /// <summary>Creates the context.</summary>
    public EnvironmentCallbackContext(ResourceLaunchContext launch, Dictionary<string, object> environmentVariables)
        : base(launch.Resource, launch.ReplicaIndex, launch.ExecutionContext, launch.Mode, launch.CancellationToken)
    {
        EnvironmentVariables = environmentVariables;
    }

    /// <summary>Values are strings or <see cref="IValueProvider"/>s (resolved just before launch).</summary>
    public Dictionary<string, object> EnvironmentVariables { get; }
}
