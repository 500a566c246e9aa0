namespace Winyx.Hosting.ApplicationModel;

/// <summary>Run <see cref="Replicas"/> copies of the resource, each on its own ports.</summary>
/// <param name="Replicas">At least 1.</param>
public sealed record ReplicaAnnotation(int Replicas) : IResourceAnnotation;
