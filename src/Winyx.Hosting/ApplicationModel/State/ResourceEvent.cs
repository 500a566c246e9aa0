namespace Winyx.Hosting.ApplicationModel;

/// <summary>A new snapshot of a resource.</summary>
/// <param name="Name">The resource.</param>
/// <param name="Snapshot">Its state now.</param>
public sealed record ResourceEvent(string Name, ResourceSnapshot Snapshot);
