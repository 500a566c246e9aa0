namespace Winyx.Hosting.ApplicationModel;

/// <summary>Passed to argument callbacks: append to <see cref="Args"/>.</summary>
public sealed class CommandLineArgsCallbackContext : ResourceLaunchContext
{
    /// <summary>Creates the context.</summary>
    public CommandLineArgsCallbackContext(ResourceLaunchContext launch, List<object> args)
        : base(launch.Resource, launch.ReplicaIndex, launch.ExecutionContext, launch.Mode, launch.CancellationToken)
    {
        Args = args;
    }

    /// <summary>Arguments: strings or <see cref="IValueProvider"/>s.</summary>
    public List<object> Args { get; }
}
