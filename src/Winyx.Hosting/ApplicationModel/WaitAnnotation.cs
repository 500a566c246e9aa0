namespace Winyx.Hosting.ApplicationModel;

/// <summary>The annotated resource starts only once <see cref="Resource"/> is ready.</summary>
/// <param name="Resource">The dependency.</param>
/// <param name="WaitType">Healthy, or completed.</param>
/// <param name="ExitCode">For <see cref="WaitType.WaitForCompletion"/>: the exit code that counts as success.</param>
public sealed record WaitAnnotation(IResource Resource, WaitType WaitType, int ExitCode = 0) : IResourceAnnotation;
