using Winyx.Hosting.ApplicationModel;
using Winyx.Hosting.Processes;

namespace Winyx.Hosting.Orchestrator;

/// <summary>
/// Chooses every endpoint's ports once, at start: the preferred (DESIGN.md default) port when it
/// is free, else a free one; in isolated mode always a free one. Extra replicas get free ports.
/// Ports stay fixed for the life of the application, so a stopped and restarted resource keeps
/// the addresses its clients were given.
/// </summary>
public static class EndpointAllocator
{
    /// <summary>The loopback address every resource binds.</summary>
    public const string Host = "127.0.0.1";

    /// <summary>Allocates the endpoints of <paramref name="resources"/> that have no ports yet.</summary>
    public static void Allocate(IEnumerable<IResource> resources, bool isolated)
    {
        ArgumentNullException.ThrowIfNull(resources);
        foreach (var resource in resources)
        {
            var replicas = resource.ReplicaCount();
            foreach (var endpoint in resource.AnnotationsOf<EndpointAnnotation>().Where(e => !e.IsAllocated))
            {
                var allocated = Enumerable.Range(0, replicas)
                    .Select(i => new AllocatedEndpoint(endpoint.UriScheme, Host, ChoosePort(endpoint.Port, i == 0 && !isolated)))
                    .ToArray();
                endpoint.Allocate(allocated);
            }
        }
    }

    /// <summary>The preferred port when allowed and free, else a free port.</summary>
    public static int ChoosePort(int? preferred, bool usePreferred) =>
        usePreferred && preferred is int port ? PortAllocator.GetPreferredOrFreePort(port) : PortAllocator.GetFreePort();
}
