using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Winyx.Hosting.Monitoring;

/// <summary><c>WithMetricsEndpoint</c>: a resource Prometheus scrapes.</summary>
public static class MetricsEndpointBuilderExtensions
{
    /// <summary>
    /// Has Prometheus scrape <paramref name="path"/> on the endpoint <paramref name="endpointName"/>
    /// as job <paramref name="job"/> (default: the resource's name).
    /// </summary>
    /// <example><code>api.WithMetricsEndpoint(); userrpc.WithMetricsEndpoint(endpointName: "management");</code></example>
    public static IResourceBuilder<T> WithMetricsEndpoint<T>(this IResourceBuilder<T> builder, string? job = null, string endpointName = "http", string path = "/metrics")
        where T : IResourceWithEndpoints
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(endpointName);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return builder.WithAnnotation(new MetricsEndpointAnnotation(job ?? builder.Resource.Name, endpointName, path), ResourceAnnotationMutationBehavior.Replace);
    }
}
