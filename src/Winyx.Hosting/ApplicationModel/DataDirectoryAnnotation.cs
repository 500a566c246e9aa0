namespace Winyx.Hosting.ApplicationModel;

/// <summary>
/// Gives a resource a persistent data directory under the data root (<c>.winyx/</c>); it survives
/// AppHost restarts (but not <c>--isolated</c> runs, whose whole data root is temporary).
/// </summary>
/// <param name="Path">Relative to the data root; null for <c>data/&lt;resource&gt;</c>.</param>
public sealed record DataDirectoryAnnotation(string? Path) : IResourceAnnotation;
