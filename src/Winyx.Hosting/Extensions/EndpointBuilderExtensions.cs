using Winyx.Hosting.ApplicationModel;

namespace Winyx.Hosting;

/// <summary><c>WithEndpoint</c>, <c>WithHttpEndpoint</c>, <c>GetEndpoint</c>: where a resource listens.</summary>
public static class EndpointBuilderExtensions
{
    /// <summary>
    /// Declares (or, when the name exists, updates) an HTTP endpoint. <paramref name="port"/> is the
    /// preferred port; a taken one falls back to a free port, wired through references.
    /// </summary>
    /// <param name="builder">The resource.</param>
    /// <param name="port">Preferred port, or null for any.</param>
    /// <param name="name">Endpoint name (<c>http</c>), used in <c>services__api__http__0</c>.</param>
    /// <param name="env">A variable that receives the port; such an endpoint is left out of <c>ASPNETCORE_URLS</c>.</param>
    /// <param name="transport"><c>http</c>, or <c>http2</c> for h2c (gRPC).</param>
    /// <example><code>builder.AddProject("userrpc", "../Winyx.UserRpc").WithHttpEndpoint(8080, transport: "http2").WithHttpEndpoint(name: "management", env: "Management__Port");</code></example>
    public static IResourceBuilder<T> WithHttpEndpoint<T>(this IResourceBuilder<T> builder, int? port = null, string name = "http", string? env = null, string? transport = null)
        where T : IResourceWithEndpoints =>
        builder.WithEndpoint(name, "http", port, env, transport);

    /// <summary>Declares (or updates) an endpoint of any scheme.</summary>
    /// <example><code>builder.AddExecutable("db", "mydb", ".").WithEndpoint("tcp", "tcp", port: 5432, env: "PORT");</code></example>
    public static IResourceBuilder<T> WithEndpoint<T>(this IResourceBuilder<T> builder, string name, string scheme, int? port = null, string? env = null, string? transport = null)
        where T : IResourceWithEndpoints
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Resource.FindEndpoint(name) is { } existing)
        {
            existing.Port = port ?? existing.Port;
            existing.Transport = transport ?? existing.Transport;
        }
        else
        {
            builder.WithAnnotation(new EndpointAnnotation(name, scheme, port, transport));
        }

        if (env is not null)
        {
            builder.WithAnnotation(new EndpointEnvironmentAnnotation(name, env));
        }

        return builder;
    }

    /// <summary>A late-bound reference to an endpoint (its URL once ports are allocated).</summary>
    /// <example><code>var url = api.GetEndpoint("http");</code></example>
    public static EndpointReference GetEndpoint<T>(this IResourceBuilder<T> builder, string name = "http")
        where T : IResourceWithEndpoints
    {
        ArgumentNullException.ThrowIfNull(builder);
        return new EndpointReference(builder.Resource, name);
    }
}
