namespace Winyx.Hosting.ApplicationModel;

/// <summary>What to tell the user when the resource's binary is missing (shown with state Missing).</summary>
/// <param name="Hint">The exact install command or instruction.</param>
public sealed record InstallHintAnnotation(string Hint) : IResourceAnnotation;
