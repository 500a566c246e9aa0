using Winyx.Hosting.ApplicationModel;

namespace Winyx.Hosting.ControlApi;

/// <summary>One resource as <c>GET /api/resources</c> shows it (DESIGN.md's contract, plus a few details).</summary>
/// <param name="Name">Resource name.</param>
/// <param name="Type">Project, Executable, MySql, …</param>
/// <param name="State">One of <see cref="KnownResourceStates"/>.</param>
/// <param name="Health">Healthy, Degraded, Unhealthy, or null when unknown or not checked.</param>
/// <param name="Urls">Its endpoints.</param>
/// <param name="Message">Why it failed, the install hint, the restart delay.</param>
/// <param name="ExitCode">The last exit code.</param>
/// <param name="RestartCount">Restarts after crashes.</param>
/// <param name="ProcessIds">Running process ids.</param>
public sealed record ResourceDto(string Name, string Type, string State, string? Health, IReadOnlyList<string> Urls, string? Message, int? ExitCode, int RestartCount, IReadOnlyList<int> ProcessIds)
{
    /// <summary>Maps a snapshot.</summary>
    public static ResourceDto From(ResourceSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new ResourceDto(
            snapshot.Name,
            snapshot.ResourceType,
            snapshot.State,
            snapshot.HealthStatus?.ToString(),
            snapshot.Urls,
            snapshot.Message,
            snapshot.ExitCode,
            snapshot.RestartCount,
            snapshot.ProcessIds);
    }
}
