using Winyx.Hosting.ApplicationModel;
using Winyx.Hosting.LocalServers;

namespace Winyx.Hosting.Orchestrator;

/// <summary>
/// The resource runs locally through a <see cref="LocalServer"/> launcher (MariaDB, Redis) instead
/// of a plain command: the launcher initialises data, waits for readiness and runs set-up.
/// </summary>
public sealed class ServerLaunchAnnotation : IResourceAnnotation
{
    /// <summary>Wraps the factory.</summary>
    public ServerLaunchAnnotation(Func<ResourceLaunchContext, Task<LocalServer>> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        Create = create;
    }

    /// <summary>Creates the launcher for one start.</summary>
    public Func<ResourceLaunchContext, Task<LocalServer>> Create { get; }
}
