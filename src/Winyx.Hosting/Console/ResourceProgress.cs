using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;

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

    /// <summary>True when <paramref name="snapshot"/> is Running and its health checks report Healthy.</summary>
    public static bool IsRunningAndHealthy(CustomResourceSnapshot? snapshot) =>
        snapshot?.State?.Text == KnownResourceStates.Running && snapshot.HealthStatus == HealthStatus.Healthy;

    /// <summary>
    /// The failure of a fleet start that ran out of <paramref name="budget"/>, naming each of <paramref name="names"/>
    /// that is not Running and Healthy now. Aspire's start waits for every WaitFor, so a resource that never
    /// comes leaves only a cancelled task; this says which resources were not there, and in what state.
    /// </summary>
    public static TimeoutException NotHealthyWithin(TimeSpan budget, ResourceNotificationService notifications, IEnumerable<string> names) =>
        new($"the fleet was not healthy within {budget.TotalMinutes:0} min: {DescribeNotHealthy(notifications, names)}");

    private static string DescribeNotHealthy(ResourceNotificationService notifications, IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(notifications);
        return string.Join(", ", names
            .Select(name => (Name: name, Snapshot: notifications.TryGetCurrentState(name, out var resourceEvent) ? resourceEvent.Snapshot : null))
            .Where(r => !IsRunningAndHealthy(r.Snapshot))
            .Select(r => Describe(r.Name, r.Snapshot)));
    }
}
