using Winyx.Hosting.ApplicationModel;

namespace Winyx.Hosting.Orchestrator;

/// <summary>
/// Child resources (a database in a server) are not launched: their snapshot mirrors the parent's
/// state and health, so <c>WaitFor(userdb)</c> means "the server is up and healthy" (the server's
/// launcher creates the database before it reports started).
/// </summary>
internal static class ChildResourceTracker
{
    public static async Task RunAsync(ResourceNotificationService notifications, IReadOnlyList<IResourceWithParent> children, CancellationToken cancellationToken)
    {
        if (children.Count == 0)
        {
            return;
        }

        try
        {
            await foreach (var change in notifications.WatchAsync(cancellationToken).ConfigureAwait(false))
            {
                foreach (var child in children.Where(c => c.Parent.Name == change.Name))
                {
                    notifications.PublishUpdate(child.Name, s => Mirror(s, change.Snapshot));
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private static ResourceSnapshot Mirror(ResourceSnapshot child, ResourceSnapshot parent) => child with
    {
        State = parent.State,
        HasHealthChecks = parent.HasHealthChecks,
        HealthStatus = parent.HealthStatus,
        HealthDescription = parent.HealthDescription,
        StartedAt = parent.StartedAt,
        StoppedAt = parent.StoppedAt,
        ExitCode = parent.ExitCode,
        RestartPending = parent.RestartPending,
        StoppedByRequest = parent.StoppedByRequest,
        WaitingFor = parent.WaitingFor,
        Message = parent.Message,
    };
}
