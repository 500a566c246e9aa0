using Winyx.Hosting.ApplicationModel;

namespace Winyx.Hosting.Health;

/// <summary>What a probe needs: the resource, which copy, and a shared HTTP client.</summary>
/// <param name="Resource">The resource probed.</param>
/// <param name="ReplicaIndex">Which copy.</param>
/// <param name="Http">A client with a short timeout, shared by all probes.</param>
public sealed record HealthProbeContext(IResource Resource, int ReplicaIndex, HttpClient Http)
{
    /// <summary>The address of endpoint <paramref name="endpointName"/> for this copy.</summary>
    public AllocatedEndpoint Endpoint(string endpointName)
    {
        var annotation = Resource.FindEndpoint(endpointName)
            ?? throw new InvalidOperationException($"Resource '{Resource.Name}' has no endpoint named '{endpointName}'.");
        return annotation.Allocated.Count > ReplicaIndex
            ? annotation.Allocated[ReplicaIndex]
            : throw new InvalidOperationException($"The endpoint '{endpointName}' of '{Resource.Name}' has no port yet.");
    }
}
