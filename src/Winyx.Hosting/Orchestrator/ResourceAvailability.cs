using Winyx.Hosting.ApplicationModel;
using Winyx.Hosting.Processes;

namespace Winyx.Hosting.Orchestrator;

/// <summary>
/// Decides how a resource runs here: a project or a local binary as a process; else its container
/// image where an engine answers; else Missing with the exact install hint (the rest still starts).
/// </summary>
public sealed class ResourceAvailability
{
    private readonly ContainerEngine _containers;

    /// <summary>Creates the resolver.</summary>
    public ResourceAvailability(ContainerEngine containers)
    {
        _containers = containers;
    }

    /// <summary>The launch mode of <paramref name="resource"/>, or the hint when it cannot run.</summary>
    public async Task<(LaunchMode? Mode, string? MissingHint)> ResolveAsync(IResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        switch (resource)
        {
            case ProjectResource:
                return (LaunchMode.Process, null);
            case ContainerResource:
                return await _containers.DetectAsync().ConfigureAwait(false) is null
                    ? (null, ContainerEngine.MissingHint)
                    : (LaunchMode.Container, null);
            case ExecutableResource executable when ExecutableLocator.Find(executable.Command) is not null:
                return (LaunchMode.Process, null);
            case ExecutableResource executable:
                if (resource.HasAnnotation<ContainerImageAnnotation>() && await _containers.DetectAsync().ConfigureAwait(false) is not null)
                {
                    return (LaunchMode.Container, null);
                }

                return (null, MissingHint(executable));
            case IResource when resource.LastAnnotation<JobLaunchAnnotation>() is { } job:
                return job.RequiredCommand is null || ExecutableLocator.Find(job.RequiredCommand) is not null
                    ? (LaunchMode.Process, null)
                    : (null, $"'{job.RequiredCommand}' not found; {resource.LastAnnotation<InstallHintAnnotation>()?.Hint ?? InstallHints.For(job.RequiredCommand) ?? $"install '{job.RequiredCommand}'"}");
            default:
                return (null, $"'{resource.Name}' ({resource.GetType().Name}) cannot be run");
        }
    }

    private static string MissingHint(ExecutableResource executable)
    {
        var hint = executable.LastAnnotation<InstallHintAnnotation>()?.Hint
            ?? InstallHints.For(executable.Command)
            ?? $"install '{executable.Command}' and put it on PATH";
        return executable.HasAnnotation<ContainerImageAnnotation>()
            ? $"'{executable.Command}' not found and no container engine answers; {hint}"
            : $"'{executable.Command}' not found; {hint}";
    }
}
