using Winyx.Hosting.ApplicationModel;

namespace Winyx.Hosting;

/// <summary>The default <see cref="IResourceBuilder{T}"/>.</summary>
internal sealed class DistributedApplicationResourceBuilder<T>(IDistributedApplicationBuilder applicationBuilder, T resource) : IResourceBuilder<T>
    where T : IResource
{
    public IDistributedApplicationBuilder ApplicationBuilder { get; } = applicationBuilder;

    public T Resource { get; } = resource;

    public IResourceBuilder<T> WithAnnotation<TAnnotation>(TAnnotation annotation) where TAnnotation : IResourceAnnotation
    {
        ArgumentNullException.ThrowIfNull(annotation);
        Resource.Annotations.Add(annotation);
        return this;
    }
}
