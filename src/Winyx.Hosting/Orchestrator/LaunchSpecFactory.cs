using Winyx.Hosting.ApplicationModel;

namespace Winyx.Hosting.Orchestrator;

/// <summary>
/// Turns a resource of the model into a <see cref="LaunchSpec"/> for one copy: runs its environment
/// and argument callbacks, resolves late-bound values, and picks the command (project dll, local
/// binary, container CLI, a server launcher, or an in-process job).
/// </summary>
public sealed class LaunchSpecFactory
{
    private readonly DistributedApplicationExecutionContext _context;
    private readonly IProjectBuilder _projects;
    private readonly ContainerEngine _containers;
    private readonly ResourceLoggerService _logs;

    /// <summary>Creates the factory.</summary>
    public LaunchSpecFactory(DistributedApplicationExecutionContext context, IProjectBuilder projects, ContainerEngine containers, ResourceLoggerService logs)
    {
        _context = context;
        _projects = projects;
        _containers = containers;
        _logs = logs;
    }

    /// <summary>Creates the launch spec of copy <paramref name="replicaIndex"/> of <paramref name="resource"/>.</summary>
    public async Task<LaunchSpec> CreateAsync(IResource resource, int replicaIndex, LaunchMode mode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var launch = new ResourceLaunchContext(resource, replicaIndex, _context, mode, cancellationToken);
        var output = _logs.GetOutput(resource.Name);
        if (mode == LaunchMode.Process && resource.LastAnnotation<ServerLaunchAnnotation>() is { } server)
        {
            var created = await server.Create(launch).ConfigureAwait(false);
            return new ServerLaunchSpec(resource.Name, replicaIndex, () => created, $"{created.Name} on 127.0.0.1:{created.Port}") { Output = output };
        }

        if (mode == LaunchMode.Process && resource.LastAnnotation<JobLaunchAnnotation>() is { } job)
        {
            return new JobLaunchSpec(resource.Name, replicaIndex, job.Create(launch, new JobLog(output, _logs.GetLogFilePath(resource.Name, replicaIndex))));
        }

        var environment = await ResolveEnvironmentAsync(launch).ConfigureAwait(false);
        var args = await ResolveArgsAsync(launch).ConfigureAwait(false);
        var (fileName, arguments, workingDirectory) = await CommandAsync(launch, environment, args).ConfigureAwait(false);
        return new ProcessLaunchSpec(resource.Name, replicaIndex, fileName)
        {
            Arguments = arguments,
            Environment = environment,
            WorkingDirectory = workingDirectory,
            Output = output,
            LogFilePath = _logs.GetLogFilePath(resource.Name, replicaIndex),
            InstallHint = resource.LastAnnotation<InstallHintAnnotation>()?.Hint,
            StopTimeout = _context.Options.StopTimeout,
        };
    }

    /// <summary>Runs the environment callbacks of a resource and resolves the values.</summary>
    public static async Task<Dictionary<string, string>> ResolveEnvironmentAsync(ResourceLaunchContext launch)
    {
        ArgumentNullException.ThrowIfNull(launch);
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var port in launch.Resource.AnnotationsOf<EndpointEnvironmentAnnotation>())
        {
            values[port.VariableName] = launch.Endpoint(port.EndpointName).Port;
        }

        var context = new EnvironmentCallbackContext(launch, values);
        foreach (var callback in launch.Resource.AnnotationsOf<EnvironmentCallbackAnnotation>())
        {
            await callback.Callback(context).ConfigureAwait(false);
        }

        return await ValueResolver.ResolveAsync(values, launch.CancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs the argument callbacks of a resource and resolves the values.</summary>
    public static async Task<List<string>> ResolveArgsAsync(ResourceLaunchContext launch)
    {
        ArgumentNullException.ThrowIfNull(launch);
        var values = new List<object>();
        var context = new CommandLineArgsCallbackContext(launch, values);
        foreach (var callback in launch.Resource.AnnotationsOf<CommandLineArgsCallbackAnnotation>())
        {
            await callback.Callback(context).ConfigureAwait(false);
        }

        return await ValueResolver.ResolveAsync(values, launch.CancellationToken).ConfigureAwait(false);
    }

    private async Task<(string FileName, IReadOnlyList<string> Arguments, string? WorkingDirectory)> CommandAsync(
        ResourceLaunchContext launch, Dictionary<string, string> environment, List<string> args)
    {
        var resource = launch.Resource;
        if (launch.Mode == LaunchMode.Container)
        {
            var engine = await _containers.DetectAsync().ConfigureAwait(false)
                ?? throw new InvalidOperationException(ContainerEngine.MissingHint);
            var image = resource.LastAnnotation<ContainerImageAnnotation>()
                ?? throw new InvalidOperationException($"Resource '{resource.Name}' has no container image.");
            return (engine, ContainerCommandLine.Build(launch, image, environment, args), null);
        }

        return resource switch
        {
            ProjectResource project => ("dotnet", [_projects.GetOutputAssembly(project), .. args], project.ProjectDirectory),
            ExecutableResource executable => (executable.Command, args, _context.ResolveAppHostPath(executable.WorkingDirectory)),
            _ => throw new InvalidOperationException($"Resource '{resource.Name}' ({resource.GetType().Name}) cannot run as a process."),
        };
    }
}
