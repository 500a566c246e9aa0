using System.Collections.ObjectModel;

namespace Winyx.Hosting.ApplicationModel;

/// <summary>The annotations of one resource, in the order they were added.</summary>
public sealed class ResourceAnnotationCollection : Collection<IResourceAnnotation>
{
}
