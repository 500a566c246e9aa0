using System.Globalization;
using Winyx.Hosting.ApplicationModel;

namespace Winyx.Hosting;

/// <summary>
/// <c>WithReference</c>: wires a resource to another with exactly the variables Aspire injects, so
/// services run unchanged under Winyx or Aspire.
/// </summary>
public static class ReferenceBuilderExtensions
{
    /// <summary>
    /// Injects <c>ConnectionStrings__&lt;name&gt;</c> (the source's name unless <paramref name="connectionName"/> is given).
    /// </summary>
    /// <example><code>userrpc.WithReference(userdb);   // ConnectionStrings__userdb=Server=127.0.0.1;Port=3306;…</code></example>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResourceWithConnectionString> source, string? connectionName = null)
        where T : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(source);
        var variable = $"ConnectionStrings__{connectionName ?? source.Resource.Name}";
        return builder
            .WithAnnotation(new ResourceRelationshipAnnotation(source.Resource, ResourceRelationshipAnnotation.Reference))
            .WithAnnotation(new EnvironmentCallbackAnnotation(variable, source.Resource));
    }

    /// <summary>
    /// Injects <c>services__&lt;name&gt;__&lt;endpoint&gt;__&lt;i&gt;</c> for every HTTP endpoint of the source
    /// (one index per replica), which .NET service discovery resolves from <c>http://&lt;name&gt;</c>.
    /// </summary>
    /// <example><code>web.WithReference(api);   // services__api__http__0=http://127.0.0.1:8888</code></example>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResourceWithServiceDiscovery> source)
        where T : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(source);
        var target = source.Resource;
        return builder
            .WithAnnotation(new ResourceRelationshipAnnotation(target, ResourceRelationshipAnnotation.Reference))
            .WithAnnotation(new EnvironmentCallbackAnnotation(context =>
            {
                foreach (var endpoint in target.AnnotationsOf<EndpointAnnotation>().Where(e => e.IsHttp))
                {
                    AddServiceVariables(context, target.Name, endpoint);
                }

                return Task.CompletedTask;
            }));
    }

    /// <summary>Injects <c>services__&lt;name&gt;__&lt;endpoint&gt;__&lt;i&gt;</c> for one endpoint.</summary>
    /// <example><code>api.WithReference(userrpc.GetEndpoint("http"));</code></example>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, EndpointReference endpoint)
        where T : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(endpoint);
        return builder
            .WithAnnotation(new ResourceRelationshipAnnotation(endpoint.Resource, ResourceRelationshipAnnotation.Reference))
            .WithAnnotation(new EnvironmentCallbackAnnotation(context =>
            {
                AddServiceVariables(context, endpoint.Resource.Name, endpoint.Annotation);
                return Task.CompletedTask;
            }));
    }

    private static void AddServiceVariables(EnvironmentCallbackContext context, string serviceName, EndpointAnnotation endpoint)
    {
        for (var i = 0; i < endpoint.Allocated.Count; i++)
        {
            context.EnvironmentVariables[string.Create(CultureInfo.InvariantCulture, $"services__{serviceName}__{endpoint.Name}__{i}")] = endpoint.Allocated[i].Url;
        }
    }
}
