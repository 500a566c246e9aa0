namespace Winyx.Hosting.ApplicationModel;

/// <summary>What a launch-time callback knows about the copy of the resource being started.</summary>
public class ResourceLaunchContext
{
    /// <summary>Creates a context for replica <paramref name="replicaIndex"/> of <paramref name="resource"/>.</summary>
    public ResourceLaunchContext(IResource resource, int replicaIndex, DistributedApplicationExecutionContext executionContext, LaunchMode mode, CancellationToken cancellationToken)
    {
        Resource = resource;
        ReplicaIndex = replicaIndex;
        ExecutionContext = executionContext;
        Mode = mode;
        CancellationToken = cancellationToken;
    }

    /// <summary>The resource being launched.</summary>
    public IResource Resource { get; }

    /// <summary>Which replica (0 unless <c>WithReplicas</c>).</summary>
    public int ReplicaIndex { get; }

    /// <summary>Facts about the run.</summary>
    public DistributedApplicationExecutionContext ExecutionContext { get; }

    /// <summary>Local process or container: arguments differ between the two.</summary>
    public LaunchMode Mode { get; }

    /// <summary>Cancelled when the launch is abandoned.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The resource's data directory.</summary>
    public string DataDirectory => ExecutionContext.DataDirectoryFor(Resource);

    /// <summary>The resource's run directory (generated files).</summary>
    public string RunDirectory => ExecutionContext.RunDirectoryFor(Resource);

    /// <summary>The address replica <see cref="ReplicaIndex"/> of endpoint <paramref name="endpointName"/> listens on.</summary>
    public AllocatedEndpoint Endpoint(string endpointName)
    {
        var annotation = Resource.FindEndpoint(endpointName)
            ?? throw new InvalidOperationException($"Resource '{Resource.Name}' has no endpoint named '{endpointName}'.");
        return annotation.Allocated.Count > ReplicaIndex
            ? annotation.Allocated[ReplicaIndex]
            : throw new InvalidOperationException($"The endpoint '{endpointName}' of '{Resource.Name}' has no port yet.");
    }
}
