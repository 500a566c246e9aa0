namespace Winyx.Hosting.ApplicationModel;

/// <summary>A local program run as a supervised child process.</summary>
/// <example><code>builder.AddExecutable("worker", "python3", "../worker", "main.py");</code></example>
public class ExecutableResource : Resource, IResourceWithEnvironment, IResourceWithArgs, IResourceWithEndpoints, IResourceWithWaitSupport
{
    /// <summary>Creates the resource.</summary>
    /// <param name="name">Resource name.</param>
    /// <param name="command">The program: a name looked up on PATH, or a path.</param>
    /// <param name="workingDirectory">Where it runs (absolute, or relative to the AppHost directory).</param>
    public ExecutableResource(string name, string command, string workingDirectory)
        : base(name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        ArgumentNullException.ThrowIfNull(workingDirectory);
        Command = command;
        WorkingDirectory = workingDirectory;
    }

    /// <summary>The program to run.</summary>
    public string Command { get; }

    /// <summary>Its working directory.</summary>
    public string WorkingDirectory { get; }
}
