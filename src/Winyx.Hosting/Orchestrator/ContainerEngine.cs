using Winyx.Hosting.Processes;

namespace Winyx.Hosting.Orchestrator;

/// <summary>
/// Finds a container engine that answers: the docker CLI may be installed with no daemon behind
/// it (as on the Winyx build machines), so the CLI's presence proves nothing; <c>info</c> must succeed.
/// </summary>
public sealed class ContainerEngine
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);
    private readonly Lazy<Task<string?>> _detected;

    /// <summary>Creates the detector; nothing runs until <see cref="DetectAsync"/>.</summary>
    public ContainerEngine()
    {
        _detected = new Lazy<Task<string?>>(DetectCoreAsync);
    }

    /// <summary>The install hint shown when no engine answers.</summary>
    public const string MissingHint = "no container engine answers (install and start docker or podman)";

    /// <summary>The path of the CLI of an engine that answers (docker first, then podman), or null. Probed once.</summary>
    public Task<string?> DetectAsync() => _detected.Value;

    private static async Task<string?> DetectCoreAsync()
    {
        foreach (var cli in new[] { "docker", "podman" })
        {
            if (ExecutableLocator.Find(cli) is { } path && await AnswersAsync(path).ConfigureAwait(false))
            {
                return path;
            }
        }

        return null;
    }

    private static async Task<bool> AnswersAsync(string cli)
    {
        try
        {
            await using var probe = await ManagedProcess.StartAsync(new ManagedProcessOptions(cli)
            {
                Arguments = ["info", "--format", "{{.ServerVersion}}"],
                StopTimeout = TimeSpan.FromSeconds(1),
            }).ConfigureAwait(false);
            return await probe.Completion.WaitAsync(ProbeTimeout).ConfigureAwait(false) == 0;
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException or MissingExecutableException)
        {
            return false;
        }
    }
}
