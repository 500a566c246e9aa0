using Winyx.Hosting.ApplicationModel;

namespace Winyx.Hosting;

/// <summary>
/// The fluent handle on a resource being added: verbs (<c>WithEnvironment</c>, <c>WaitFor</c>, …)
/// are extension methods that add annotations and return the builder.
/// </summary>
/// <typeparam name="T">The resource type; generic constraints keep verbs on the resources that support them.</typeparam>
public interface IResourceBuilder<out T> where T : IResource
{
    /// <summary>The application builder the resource belongs to.</summary>
    IDistributedApplicationBuilder ApplicationBuilder { get; }

    /// <summary>The resource.</summary>
    T Resource { get; }

    /// <summary>Adds an annotation to the resource.</summary>
    IResourceBuilder<T> WithAnnotation<TAnnotation>(TAnnotation annotation) where TAnnotation : IResourceAnnotation;
}
