namespace Winyx.Hosting.ApplicationModel;

/// <summary>
/// A .NET project of the repository. Built once with the other projects at start, then run from
/// its output assembly with <c>ASPNETCORE_URLS</c>, the references' variables and the OTEL settings.
/// </summary>
/// <example><code>var api = builder.AddProject("api", "../Winyx.Api");</code></example>
public sealed class ProjectResource : Resource, IResourceWithEnvironment, IResourceWithArgs, IResourceWithServiceDiscovery, IResourceWithWaitSupport
{
    /// <summary>Creates the resource for the project file at <paramref name="projectPath"/> (absolute).</summary>
    public ProjectResource(string name, string projectPath)
        : base(name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectPath);
        ProjectPath = projectPath;
    }

    /// <summary>Full path of the <c>.csproj</c>.</summary>
    public string ProjectPath { get; }

    /// <summary>The project's directory (its working directory at run time).</summary>
    public string ProjectDirectory => Path.GetDirectoryName(ProjectPath)!;

    /// <summary>The assembly name (the project file's name, as the SDK defaults it).</summary>
    public string AssemblyName => Path.GetFileNameWithoutExtension(ProjectPath);
}
