namespace Winyx.Hosting.ApplicationModel;

/// <summary>A host path mounted into the resource's container (same path inside, so configs referring to it work in both modes).</summary>
/// <param name="Source">Host path (absolute).</param>
/// <param name="Target">Container path.</param>
/// <param name="ReadOnly">Mounted read-only.</param>
public sealed record ContainerMountAnnotation(string Source, string Target, bool ReadOnly = true) : IResourceAnnotation;
