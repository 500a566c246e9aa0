using Winyx.Hosting.ApplicationModel;

namespace Winyx.Hosting;

/// <summary><c>AddExecutable</c>: any local program as a supervised process.</summary>
public static class ExecutableResourceBuilderExtensions
{
    /// <summary>Adds a program run as a supervised child process (output captured, restarted after a crash).</summary>
    /// <param name="builder">The application builder.</param>
    /// <param name="name">Resource name.</param>
    /// <param name="command">A program on PATH, or a path.</param>
    /// <param name="workingDirectory">Relative to the AppHost's directory.</param>
    /// <param name="args">Arguments.</param>
    /// <example><code>builder.AddExecutable("ticker", "sh", ".", "-c", "while true; do date; sleep 1; done");</code></example>
    public static IResourceBuilder<ExecutableResource> AddExecutable(this IDistributedApplicationBuilder builder, string name, string command, string workingDirectory, params object[] args)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var resource = builder.AddResource(new ExecutableResource(name, command, workingDirectory));
        return args is { Length: > 0 } ? resource.WithArgs(args) : resource;
    }
}
