using Aspire.Hosting.ApplicationModel;

namespace Winyx.Hosting.Console;

/// <summary>
/// How a resource that is still awaited reads in one line: <c>api (health: Unhealthy)</c>,
/// <c>userrpc (FailedToStart)</c>, <c>prometheus (Waiting)</c>, <c>web (not started)</c>. The AppHost's
/// start progress and the test and proof fleets' start failures all say it so.
/// </summary>
public static class ResourceProgress
{
    /// <summary><paramref name="name"/> and its state (its health once Running), from <paramref name="snapshot"/>.</summary>
    public static string Describe(string name, CustomResourceSnapshot? snapshot) =>
        snapshot?.State?.Text is { Length: > 0 } state && state != KnownResourceStates.NotStarted
            ? state == KnownResourceStates.Running ? $"{name} (health: {snapshot.HealthStatus?.ToString() ?? "checking"})" : $"{name} ({state})"
            : $"{name} (not started)";

    /// <summary>Each of <paramref name="names"/> as <see cref="Describe"/> reads it now, comma-separated.</summary>
    public static string Describe(ResourceNotificationService notifications, IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(notifications);
        return string.Join(", ", names.Select(name => Describe(name, notifications.TryGetCurrentState(name, out var resourceEvent) ? resourceEvent.Snapshot : null)));
    }
}
