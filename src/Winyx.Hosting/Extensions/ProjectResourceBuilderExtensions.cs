using Winyx.Hosting.ApplicationModel;

namespace Winyx.Hosting;

/// <summary><c>AddProject</c>: a .NET project of the repository.</summary>
public static class ProjectResourceBuilderExtensions
{
    /// <summary>
    /// Adds a project: built once with the others at start, run from its output with
    /// <c>ASPNETCORE_URLS</c> (its HTTP endpoints), <c>ASPNETCORE_ENVIRONMENT=Development</c>, the
    /// OTEL variables, and scraped by Prometheus at <c>/metrics</c> (every Winyx service serves it
    /// through ServiceDefaults).
    /// </summary>
    /// <param name="builder">The application builder.</param>
    /// <param name="name">Resource name (also its OTEL service name and Prometheus job).</param>
    /// <param name="projectPath">The project directory or <c>.csproj</c>, relative to the AppHost's directory.</param>
    /// <example><code>var api = builder.AddProject("api", "../Winyx.Api").WithHttpEndpoint(8888);</code></example>
    public static IResourceBuilder<ProjectResource> AddProject(this IDistributedApplicationBuilder builder, string name, string projectPath)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(projectPath);
        var project = new ProjectResource(name, ResolveProjectFile(builder.ExecutionContext.ResolveAppHostPath(projectPath)));
        return builder.AddResource(project)
            .WithEndpoint("http", "http")
            .WithOtlpExporter()
            .WithMetricsEndpoint()
            .WithEnvironment(context =>
            {
                var env = context.EnvironmentVariables;
                env["ASPNETCORE_ENVIRONMENT"] = "Development";
                env["DOTNET_ENVIRONMENT"] = "Development";
                env["ASPNETCORE_URLS"] = string.Join(';', UrlEndpoints(context.Resource).Select(e => context.Endpoint(e.Name).Url));
                env["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            });
    }

    // Endpoints with their own port variable (a management port, say) are bound by the app itself.
    private static IEnumerable<EndpointAnnotation> UrlEndpoints(IResource resource)
    {
        var ownVariables = resource.AnnotationsOf<EndpointEnvironmentAnnotation>().Select(a => a.EndpointName).ToHashSet(StringComparer.Ordinal);
        return resource.AnnotationsOf<EndpointAnnotation>().Where(e => e.IsHttp && !ownVariables.Contains(e.Name));
    }

    private static string ResolveProjectFile(string path)
    {
        if (path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) || !Directory.Exists(path))
        {
            return path;
        }

        // A directory: its project file (the validator reports a missing one with the path).
        var projects = Directory.GetFiles(path, "*.csproj");
        return projects.Length == 1 ? projects[0] : Path.Combine(path, Path.GetFileName(path) + ".csproj");
    }
}
