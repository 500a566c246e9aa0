using Winyx.Hosting.ApplicationModel;

namespace Winyx.Hosting.Orchestrator;

/// <summary>
/// Holds a resource back until its <c>WaitFor</c> dependencies are ready (Running and healthy) and
/// its <c>WaitForCompletion</c> dependencies have exited with the expected code. A dependency that
/// can no longer become ready (Missing, FailedToStart, exited for good) fails the wait, naming it.
/// </summary>
internal sealed class DependencyWaiter(ResourceNotificationService notifications)
{
    public async Task WaitAsync(IResource resource, Action<IReadOnlyCollection<string>> report, CancellationToken cancellationToken)
    {
        var waits = resource.AnnotationsOf<WaitAnnotation>().ToArray();
        var pending = new HashSet<string>(waits.Select(w => w.Resource.Name), StringComparer.Ordinal);
        var gate = new Lock();
        report(pending.ToArray());
        await Task.WhenAll(waits.Select(async wait =>
        {
            await WaitForOneAsync(wait, cancellationToken).ConfigureAwait(false);
            lock (gate)
            {
                pending.Remove(wait.Resource.Name);
                report(pending.ToArray());
            }
        })).ConfigureAwait(false);
    }

    private async Task WaitForOneAsync(WaitAnnotation wait, CancellationToken cancellationToken)
    {
        var name = wait.Resource.Name;
        if (wait.WaitType == WaitType.WaitForCompletion)
        {
            var done = await notifications.WaitForAsync(name, s => s.IsTerminal, cancellationToken).ConfigureAwait(false);
            if (done.State != KnownResourceStates.Exited || done.ExitCode != wait.ExitCode)
            {
                throw new ResourceStartException($"dependency '{name}' did not complete with exit code {wait.ExitCode} ({Describe(done)})");
            }

            return;
        }

        var ready = await notifications.WaitForAsync(name, s => s.IsReady || s.IsTerminal, cancellationToken).ConfigureAwait(false);
        if (!ready.IsReady)
        {
            throw new ResourceStartException($"dependency '{name}' is {Describe(ready)}");
        }
    }

    private static string Describe(ResourceSnapshot snapshot) =>
        snapshot.Message is { Length: > 0 } message ? $"{snapshot.State}: {message}" : snapshot.State;
}
