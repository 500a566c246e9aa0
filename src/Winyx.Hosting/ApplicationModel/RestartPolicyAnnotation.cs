namespace Winyx.Hosting.ApplicationModel;

/// <summary>How a crashed resource is restarted: delays double from <see cref="InitialDelay"/> up to <see cref="MaxDelay"/>.</summary>
/// <param name="Policy">When to restart.</param>
/// <param name="InitialDelay">Delay before the first restart.</param>
/// <param name="MaxDelay">Longest delay between restarts.</param>
/// <param name="MaxRestarts">Give up after this many restarts in a row (the count resets after a minute of running).</param>
public sealed record RestartPolicyAnnotation(RestartPolicy Policy, TimeSpan InitialDelay, TimeSpan MaxDelay, int MaxRestarts = int.MaxValue) : IResourceAnnotation
{
    /// <summary>Restart on failure after 1 s, 2 s, 4 s … at most 30 s apart.</summary>
    public static RestartPolicyAnnotation Default { get; } = new(RestartPolicy.OnFailure, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));

    /// <summary>
    /// The policy of a resource that has none: a server (it has endpoints) is meant to run until
    /// stopped, so any exit we did not ask for is restarted, even a clean one after an outside
    /// SIGTERM; anything else (a job, a tool) is restarted only after a failure.
    /// </summary>
    public static RestartPolicyAnnotation DefaultFor(IResource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return resource.HasAnnotation<EndpointAnnotation>() ? Default with { Policy = RestartPolicy.Always } : Default;
    }
}
