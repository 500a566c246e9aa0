using System.Collections.Concurrent;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Winyx.Hosting.Console;

/// <summary>
/// Shows the start on the console: every few seconds which resources are still awaited, at once any
/// resource that failed to start, then, once every resource has settled, the resource table (state,
/// health, URLs), any notes, and one line <c>Dashboard: http://127.0.0.1:PORT/login?t=TOKEN</c> — the
/// dashboard URL Aspire publishes, read from its <see cref="ResourceNotificationService"/>.
/// </summary>
/// <remarks>
/// Started from <see cref="BeforeStartEvent"/>, not as a hosted service: Aspire's orchestrator is a
/// hosted service registered first, and the host starts the next one only once every resource has
/// been created, WaitFor included, which is the very wait this reports on (as a hosted service it
/// printed nothing until the fleet was up, and nothing at all when a resource never came).
/// </remarks>
internal sealed class FleetConsoleReporter(
    ResourceNotificationService notifications,
    DistributedApplicationModel model,
    IServiceProvider services,
    IHostApplicationLifetime lifetime)
{
    /// <summary>Starts reporting in the background until the fleet has settled or the AppHost stops.</summary>
    public void Start() => _ = Task.Run(() => ReportAsync(lifetime.ApplicationStopping));

    // Aspire names its dashboard resource so (KnownResourceNames is internal).
    private const string AspireDashboardName = "aspire-dashboard";
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan SlowProgressInterval = TimeSpan.FromSeconds(30);
    private static readonly HashSet<string> TerminalStates = new(StringComparer.Ordinal)
    {
        KnownResourceStates.Exited, KnownResourceStates.Finished, KnownResourceStates.FailedToStart, KnownResourceStates.RuntimeUnhealthy,
    };

    private readonly ConcurrentDictionary<string, CustomResourceSnapshot> _latest = new(StringComparer.Ordinal);

    private async Task ReportAsync(CancellationToken stoppingToken)
    {
        var shown = model.Resources.Where(r => r is not ParameterResource && r.Name != AspireDashboardName).Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        // From the AppHost's own start: what a person waits for, build output reuse and DCP included.
        var started = System.Diagnostics.Process.GetCurrentProcess().StartTime.ToUniversalTime();
        _ = Task.Run(() => WatchAsync(stoppingToken), stoppingToken);
        var lastProgress = DateTime.UtcNow;
        var failed = new HashSet<string>(StringComparer.Ordinal);
        while (!stoppingToken.IsCancellationRequested)
        {
            // Aspire's own helpers (a project's "rebuilder", say) are hidden from people; so here.
            shown.RemoveWhere(name => _latest.TryGetValue(name, out var s) && s.IsHidden);
            foreach (var name in shown.Where(name => !failed.Contains(name) && _latest.TryGetValue(name, out var s) && s.State?.Text == KnownResourceStates.FailedToStart).Order(StringComparer.Ordinal).ToList())
            {
                failed.Add(name);
                System.Console.WriteLine($"{name} failed to start; its log is in the Aspire dashboard ({DashboardLoginUrl() ?? "its URL is above"})");
            }

            var pending = shown.Where(name => !IsSettled(name)).Order(StringComparer.Ordinal).ToList();
            if (pending.Count == 0)
            {
                Print(shown, DateTime.UtcNow - started);
                return;
            }

            // Every few seconds while a start is normal; past a minute something is wrong, and a line
            // every few seconds would bury the failure lines above.
            var interval = DateTime.UtcNow - started < TimeSpan.FromMinutes(1) ? ProgressInterval : SlowProgressInterval;
            if (DateTime.UtcNow - lastProgress >= interval)
            {
                System.Console.WriteLine($"Waiting for {string.Join(", ", pending.Select(Describe))} ({(DateTime.UtcNow - started).TotalSeconds:0} s)");
                lastProgress = DateTime.UtcNow;
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task WatchAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var update in notifications.WatchAsync(cancellationToken).ConfigureAwait(false))
            {
                _latest[update.Resource.Name] = update.Snapshot;
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private bool IsSettled(string name) =>
        _latest.TryGetValue(name, out var s) && (IsTerminal(s) || (s.State?.Text == KnownResourceStates.Running && IsHealthy(s)));

    private static bool IsTerminal(CustomResourceSnapshot s) => s.State?.Text is { } state && TerminalStates.Contains(state);

    private static bool IsHealthy(CustomResourceSnapshot s) => s.HealthReports.Length == 0 || s.HealthStatus == HealthStatus.Healthy;

    private string Describe(string name) => ResourceProgress.Describe(name, _latest.TryGetValue(name, out var s) ? s : null);

    private void Print(IEnumerable<string> names, TimeSpan elapsed)
    {
        var rows = names.Order(StringComparer.Ordinal)
            .Select(name => (Name: name, Snapshot: _latest[name]))
            .Select(r => new ResourceRow(
                Name: r.Name,
                State: r.Snapshot.State?.Text ?? "?",
                Health: r.Snapshot.HealthReports.Length == 0 ? "-" : r.Snapshot.HealthStatus?.ToString() ?? "?",
                Urls: string.Join(" ", r.Snapshot.Urls.Where(u => !u.IsInternal).Select(u => u.Url))))
            .ToList();
        System.Console.WriteLine();
        System.Console.WriteLine($"Winyx fleet settled {elapsed.TotalSeconds:0.0} s after the AppHost started:");
        System.Console.Write(ResourceTable.Format(rows));
        foreach (var note in (services.GetService(typeof(FleetNotes)) as FleetNotes)?.Lines ?? [])
        {
            System.Console.WriteLine(note);
        }

        if (DashboardLoginUrl() is { } dashboard)
        {
            System.Console.WriteLine($"Dashboard: {dashboard}");
        }
    }

    private string? DashboardLoginUrl()
    {
        if (!_latest.TryGetValue(AspireDashboardName, out var dashboard))
        {
            return null;
        }

        var urls = dashboard.Urls.Select(u => u.Url).ToList();
        return urls.FirstOrDefault(u => u.Contains("/login?t=", StringComparison.Ordinal)) ?? urls.FirstOrDefault(u => u.StartsWith("http://", StringComparison.Ordinal));
    }
}
