namespace Winyx.Hosting.Orchestrator;

/// <summary>The outcome of building the projects.</summary>
/// <param name="Succeeded">True when every project built.</param>
/// <param name="Message">The errors on failure (or a note such as "skipped").</param>
/// <param name="Duration">How long it took.</param>
public sealed record ProjectBuildResult(bool Succeeded, string Message, TimeSpan Duration);
