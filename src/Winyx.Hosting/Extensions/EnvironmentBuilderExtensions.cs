using Winyx.Hosting.ApplicationModel;

namespace Winyx.Hosting;

/// <summary><c>WithEnvironment</c>: environment variables of a resource, resolved at launch.</summary>
public static class EnvironmentBuilderExtensions
{
    /// <summary>Sets <paramref name="name"/> to a fixed value.</summary>
    /// <example><code>api.WithEnvironment("Cache__UserProfileTtl", "00:05:00");</code></example>
    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, string value)
        where T : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(value);
        return builder.WithAnnotation(new EnvironmentCallbackAnnotation(name, value));
    }

    /// <summary>Sets <paramref name="name"/> to a late-bound value: an endpoint, a parameter, a connection string.</summary>
    /// <example><code>web.WithEnvironment("ApiBase", api.GetEndpoint("http"));</code></example>
    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, IValueProvider value)
        where T : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(value);
        return builder.WithAnnotation(new EnvironmentCallbackAnnotation(name, value));
    }

    /// <summary>Sets <paramref name="name"/> to a parameter's value (secrets stay out of the console).</summary>
    /// <example><code>api.WithEnvironment("Jwt__SigningKey", builder.AddParameter("jwt-signing-key", secret: true, generate: true));</code></example>
    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, IResourceBuilder<ParameterResource> parameter)
        where T : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return builder.WithEnvironment(name, parameter.Resource);
    }

    /// <summary>Adds variables from a callback that runs at every launch.</summary>
    /// <example><code>api.WithEnvironment(ctx => ctx.EnvironmentVariables["REPLICA"] = ctx.ReplicaIndex.ToString());</code></example>
    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, Action<EnvironmentCallbackContext> callback)
        where T : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(callback);
        return builder.WithAnnotation(new EnvironmentCallbackAnnotation(context =>
        {
            callback(context);
            return Task.CompletedTask;
        }));
    }

    /// <summary>Adds variables from an asynchronous callback that runs at every launch.</summary>
    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, Func<EnvironmentCallbackContext, Task> callback)
        where T : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithAnnotation(new EnvironmentCallbackAnnotation(callback));
    }
}
