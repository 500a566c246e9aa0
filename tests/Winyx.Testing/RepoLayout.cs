namespace Winyx.Testing;

/// <summary>
/// Where things are in the Winyx checkout, seen from a running test assembly: the repository
/// root (the directory holding <c>Winyx.sln</c>), and the build configuration and target
/// framework the tests were built with — so a test runs the sibling projects built alongside it.
/// </summary>
public static class RepoLayout
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The repository root.</summary>
    public static string Root => RootPath.Value;

    /// <summary>The configuration of the running test assembly (<c>Debug</c>, <c>Release</c>).</summary>
    public static string Configuration { get; } = OutputSegments().Configuration;

    /// <summary>The target framework folder of the running test assembly (<c>net10.0</c>).</summary>
    public static string TargetFramework { get; } = OutputSegments().TargetFramework;

    /// <summary>The build output folder of <c>src/<paramref name="projectName"/></c> for this configuration.</summary>
    public static string ProjectOutputDirectory(string projectName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(projectName);
        return Path.Combine(Root, "src", projectName, "bin", Configuration, TargetFramework);
    }

    /// <summary>The built assembly of <c>src/<paramref name="projectName"/></c>; throws when it was not built.</summary>
    public static string ProjectAssembly(string projectName)
    {
        var path = Path.Combine(ProjectOutputDirectory(projectName), $"{projectName}.dll");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException(
                $"{path} does not exist. Build it first: dotnet build src/{projectName} -c {Configuration}", path);
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Winyx.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Winyx.sln above {AppContext.BaseDirectory}; tests must run from the checkout.");
    }

    // The test assembly sits in …/bin/<Configuration>/<TargetFramework>/.
    private static (string Configuration, string TargetFramework) OutputSegments()
    {
        var frameworkDirectory = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configurationDirectory = frameworkDirectory.Parent;
        return configurationDirectory?.Parent?.Name == "bin"
            ? (configurationDirectory.Name, frameworkDirectory.Name)
            : ("Debug", "net10.0");
    }
}
