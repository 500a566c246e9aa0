namespace Winyx.LoadTests.AlertProof.Faults;

/// <summary>Faults done through the AppHost's resource commands, as a person would from the dashboard.</summary>
public static class ResourceFaults
{
    /// <summary>Stops <paramref name="resource"/>; removing the fault starts it and waits until it is healthy.</summary>
    public static Fault Stop(string resource) => new(
        $"{resource} stopped (resource command Stop)",
        async (context, cancellationToken) =>
        {
            await context.Fleet.StopAsync(resource, cancellationToken).ConfigureAwait(false);
            return Removal.Of(() => context.Fleet.StartAsync(resource, CancellationToken.None));
        });
}
