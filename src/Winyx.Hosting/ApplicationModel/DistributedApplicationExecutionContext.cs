using Winyx.Hosting.Configuration;

namespace Winyx.Hosting.ApplicationModel;

/// <summary>
/// Facts about this run that callbacks may need: isolated or not, the monitoring time scale,
/// where data and logs live, which build configuration the projects use.
/// </summary>
public sealed class DistributedApplicationExecutionContext
{
    /// <summary>Creates the context for one run.</summary>
    public DistributedApplicationExecutionContext(HostingOptions options, string appHostDirectory, string dataRoot, DashboardOptions dashboard, string buildConfiguration)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(dashboard);
        Options = options;
        AppHostDirectory = appHostDirectory;
        DataRoot = dataRoot;
        Dashboard = dashboard;
        BuildConfiguration = buildConfiguration;
    }

    /// <summary>The dashboard's ports and this run's token.</summary>
    public DashboardOptions Dashboard { get; }

    /// <summary>The configuration projects are built and run in (the AppHost's own: Debug or Release).</summary>
    public string BuildConfiguration { get; }

    /// <summary>The options parsed from the command line.</summary>
    public HostingOptions Options { get; }

    /// <summary>True in <c>--isolated</c> mode: free ports, temporary data removed on exit.</summary>
    public bool IsIsolated => Options.Isolated;

    /// <summary>The <c>--time-scale</c> factor that compresses monitoring timings (1 = production timings).</summary>
    public double TimeScale => Options.TimeScale;

    /// <summary>The AppHost's project directory; relative project and config paths resolve against it.</summary>
    public string AppHostDirectory { get; }

    /// <summary>The root of data, logs and secrets: <c>.winyx/</c> in the repository, or a temporary directory.</summary>
    public string DataRoot { get; }

    /// <summary>Per-resource log files.</summary>
    public string LogDirectory => Path.Combine(DataRoot, "logs");

    /// <summary>Files rendered for this run (configs, scrape targets).</summary>
    public string RunDirectory => Path.Combine(DataRoot, "run");

    /// <summary>Resolves <paramref name="path"/> against the AppHost directory unless it is absolute.</summary>
    public string ResolveAppHostPath(string path) => Path.GetFullPath(Path.Combine(AppHostDirectory, path));

    /// <summary>The data directory of <paramref name="resource"/> (created on first use).</summary>
    public string DataDirectoryFor(IResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var annotation = resource.LastAnnotation<DataDirectoryAnnotation>();
        var directory = annotation?.Path is { } path
            ? Path.GetFullPath(Path.Combine(DataRoot, path))
            : Path.Combine(DataRoot, "data", resource.Name);
        Directory.CreateDirectory(directory);
        return directory;
    }

    /// <summary>The run directory of <paramref name="resource"/>: generated configs, sockets, pid files.</summary>
    public string RunDirectoryFor(IResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var directory = Path.Combine(RunDirectory, resource.Name);
        Directory.CreateDirectory(directory);
        return directory;
    }
}
