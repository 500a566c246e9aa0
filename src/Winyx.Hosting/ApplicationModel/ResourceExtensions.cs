namespace Winyx.Hosting.ApplicationModel;

/// <summary>Queries over a resource's annotations.</summary>
public static class ResourceExtensions
{
    /// <summary>Every annotation of type <typeparamref name="T"/>, in the order added.</summary>
    public static IEnumerable<T> AnnotationsOf<T>(this IResource resource) where T : IResourceAnnotation =>
        resource.Annotations.OfType<T>();

    /// <summary>True when the resource has at least one annotation of type <typeparamref name="T"/>.</summary>
    public static bool HasAnnotation<T>(this IResource resource) where T : IResourceAnnotation =>
        resource.Annotations.OfType<T>().Any();

    /// <summary>The last annotation of type <typeparamref name="T"/> (later ones override earlier ones), or null.</summary>
    public static T? LastAnnotation<T>(this IResource resource) where T : class, IResourceAnnotation =>
        resource.Annotations.OfType<T>().LastOrDefault();

    /// <summary>How many copies of the resource run (1 unless <c>WithReplicas</c> said otherwise).</summary>
    public static int ReplicaCount(this IResource resource) =>
        resource.LastAnnotation<ReplicaAnnotation>()?.Replicas ?? 1;

    /// <summary>The endpoint annotation named <paramref name="endpointName"/>, or null.</summary>
    public static EndpointAnnotation? FindEndpoint(this IResource resource, string endpointName) =>
        resource.AnnotationsOf<EndpointAnnotation>().FirstOrDefault(e => e.Name == endpointName);
}
