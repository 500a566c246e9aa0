using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Winyx.Hosting.ApplicationModel;
using Winyx.Hosting.Configuration;

namespace Winyx.Hosting;

/// <summary>Builds the application model: add resources, wire them, then <see cref="Build"/>.</summary>
/// <example><code>
/// var builder = DistributedApplication.CreateBuilder(args);
/// var redis = builder.AddRedis("redis");
/// builder.AddProject("api", "../Winyx.Api").WithReference(redis).WaitFor(redis);
/// builder.Build().Run();
/// </code></example>
public interface IDistributedApplicationBuilder
{
    /// <summary>Configuration: <c>appsettings.json</c> of the AppHost and the environment (parameters come from here).</summary>
    IConfigurationManager Configuration { get; }

    /// <summary>Services of the AppHost itself (replace the executor in tests, say).</summary>
    IServiceCollection Services { get; }

    /// <summary>Facts about this run (isolated, time scale, data root, dashboard ports).</summary>
    DistributedApplicationExecutionContext ExecutionContext { get; }

    /// <summary>Generated secrets, kept in a user-only file under the data root.</summary>
    SecretStore Secrets { get; }

    /// <summary>The resources added so far.</summary>
    IReadOnlyList<IResource> Resources { get; }

    /// <summary>Adds <paramref name="resource"/>; throws when its name is taken.</summary>
    IResourceBuilder<T> AddResource<T>(T resource) where T : IResource;

    /// <summary>A builder for a resource already in the model (or one deliberately kept out of it).</summary>
    IResourceBuilder<T> CreateResourceBuilder<T>(T resource) where T : IResource;

    /// <summary>Validates the model (fails fast naming the culprit) and creates the application.</summary>
    DistributedApplication Build();
}
