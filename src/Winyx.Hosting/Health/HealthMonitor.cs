using Microsoft.Extensions.Diagnostics.HealthChecks;
using Winyx.Hosting.ApplicationModel;

namespace Winyx.Hosting.Health;

/// <summary>
/// Probes a resource while it runs and publishes its health into the state store. While not
/// healthy the delay grows from <see cref="FastInterval"/> to <see cref="SlowInterval"/> (backoff,
/// so a slow starter is not hammered yet a quick one is seen at once); once healthy it checks every
/// <see cref="HealthyInterval"/>.
/// </summary>
public sealed class HealthMonitor
{
    private readonly ResourceNotificationService _notifications;
    private readonly HttpClient _http;

    /// <summary>Creates the monitor.</summary>
    public HealthMonitor(ResourceNotificationService notifications, HttpClient http)
    {
        _notifications = notifications;
        _http = http;
    }

    /// <summary>First delay between probes of a resource that is not healthy yet.</summary>
    public static TimeSpan FastInterval { get; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Longest delay between probes of a resource that is not healthy.</summary>
    public static TimeSpan SlowInterval { get; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Delay between probes of a healthy resource.</summary>
    public static TimeSpan HealthyInterval { get; } = TimeSpan.FromSeconds(1);

    /// <summary>Probes <paramref name="resource"/> whenever it is Running, until cancelled.</summary>
    public async Task RunAsync(IResource resource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var probes = resource.AnnotationsOf<HealthCheckAnnotation>().ToArray();
        if (probes.Length == 0)
        {
            return;
        }

        try
        {
            while (true)
            {
                var running = await _notifications.WaitForAsync(resource.Name, s => s.State == KnownResourceStates.Running, cancellationToken).ConfigureAwait(false);
                await WatchRunAsync(resource, probes, running.StartedAt, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Probes every copy with every probe once; the worst answer wins.</summary>
    public async Task<HealthProbeResult> ProbeOnceAsync(IResource resource, IReadOnlyList<HealthCheckAnnotation> probes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(probes);
        var tasks = Enumerable.Range(0, resource.ReplicaCount())
            .SelectMany(replica => probes.Select(p => ProbeSafelyAsync(p.Probe, new HealthProbeContext(resource, replica, _http), cancellationToken)))
            .ToArray();
        var results = await Task.WhenAll(tasks).ConfigureAwait(false);
        return results.OrderBy(r => r.Status).First();
    }

    private async Task WatchRunAsync(IResource resource, HealthCheckAnnotation[] probes, DateTimeOffset? startedAt, CancellationToken cancellationToken)
    {
        var delay = FastInterval;
        while (IsSameRun(resource.Name, startedAt))
        {
            var result = await ProbeOnceAsync(resource, probes, cancellationToken).ConfigureAwait(false);
            _notifications.PublishUpdate(resource.Name, s => s.State == KnownResourceStates.Running && s.StartedAt == startedAt
                ? s with { HealthStatus = result.Status, HealthDescription = result.Description }
                : s);
            delay = result.Status == HealthStatus.Healthy ? HealthyInterval : Min(delay * 2, SlowInterval);
            await WaitForChangeOrDelayAsync(resource.Name, startedAt, delay, cancellationToken).ConfigureAwait(false);
        }
    }

    private bool IsSameRun(string name, DateTimeOffset? startedAt)
    {
        var snapshot = _notifications.GetSnapshot(name);
        return snapshot.State == KnownResourceStates.Running && snapshot.StartedAt == startedAt;
    }

    private async Task WaitForChangeOrDelayAsync(string name, DateTimeOffset? startedAt, TimeSpan delay, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(delay);
        try
        {
            await _notifications.WaitForAsync(name, s => s.State != KnownResourceStates.Running || s.StartedAt != startedAt, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The delay passed: probe again.
        }
    }

    private static async Task<HealthProbeResult> ProbeSafelyAsync(IHealthProbe probe, HealthProbeContext context, CancellationToken cancellationToken)
    {
        try
        {
            return await probe.ProbeAsync(context, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthProbeResult.Unhealthy($"{probe.Description}: {ex.Message}");
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
