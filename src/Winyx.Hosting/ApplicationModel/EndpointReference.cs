namespace Winyx.Hosting.ApplicationModel;

/// <summary>
/// A late-bound pointer to an endpoint of a resource. As an environment value it resolves to the
/// URL of the first replica once ports are allocated.
/// </summary>
/// <example><code>
/// var api = builder.AddProject("api", "../Winyx.Api");
/// builder.AddExecutable("probe", "curl", ".").WithEnvironment("TARGET", api.GetEndpoint("http"));
/// </code></example>
public sealed class EndpointReference : IValueProvider
{
    /// <summary>Points at endpoint <paramref name="endpointName"/> of <paramref name="resource"/>.</summary>
    public EndpointReference(IResourceWithEndpoints resource, string endpointName)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentException.ThrowIfNullOrWhiteSpace(endpointName);
        Resource = resource;
        EndpointName = endpointName;
    }

    /// <summary>The resource that owns the endpoint.</summary>
    public IResourceWithEndpoints Resource { get; }

    /// <summary>The endpoint's name.</summary>
    public string EndpointName { get; }

    /// <summary>True when the resource declares the endpoint.</summary>
    public bool Exists => Resource.FindEndpoint(EndpointName) is not null;

    /// <summary>The endpoint annotation; throws naming the resource when it is not declared.</summary>
    public EndpointAnnotation Annotation => Resource.FindEndpoint(EndpointName)
        ?? throw new InvalidOperationException($"Resource '{Resource.Name}' has no endpoint named '{EndpointName}'.");

    /// <summary>The first replica's address; throws when ports are not allocated yet.</summary>
    public AllocatedEndpoint Allocated => Annotation.Allocated.Count > 0
        ? Annotation.Allocated[0]
        : throw new InvalidOperationException($"The endpoint '{EndpointName}' of '{Resource.Name}' has no port yet: endpoints are allocated when the application starts.");

    /// <summary>The allocated port.</summary>
    public int Port => Allocated.Port;

    /// <summary>The allocated host (the loopback address).</summary>
    public string Host => Allocated.Host;

    /// <summary>The allocated URL, e.g. <c>http://127.0.0.1:8888</c>.</summary>
    public string Url => Allocated.Url;

    /// <summary>A value that resolves to one part of the endpoint (the port, say) instead of the URL.</summary>
    public IValueProvider Property(EndpointProperty property) => new EndpointPropertyValue(this, property);

    /// <inheritdoc />
    public ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult<string?>(Url);

    private sealed class EndpointPropertyValue(EndpointReference endpoint, EndpointProperty property) : IValueProvider
    {
        public ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default) =>
            ValueTask.FromResult<string?>(property switch
            {
                EndpointProperty.Port => endpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                EndpointProperty.Host => endpoint.Host,
                EndpointProperty.HostAndPort => endpoint.Allocated.Address,
                _ => endpoint.Url,
            });
    }
}
