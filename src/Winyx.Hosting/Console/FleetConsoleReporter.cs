using System.Collections.Concurrent;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Winyx.Hosting.Console;

/// <summary>
/// Shows the start on the console: every few seconds which resources are still awaited, then,
/// once every resource has settled, the resource table (state, health, URLs), any notes, and one
/// line <c>Dashboard: http://127.0.0.1:PORT/login?t=TOKEN</c> — the dashboard URL Aspire publishes,
/// read from its <see cref="ResourceNotificationService"/>.
/// </summary>
internal sealed class FleetConsoleReporter(
    ResourceNotificationService notifications,
    DistributedApplicationModel model,
    IServiceProvider services) : BackgroundService
{
    // Aspire names its dashboard resource so (KnownResourceNames is internal).
    private const string AspireDashboardName = "aspire-dashboard";
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(3);
    private static readonly HashSet<string> TerminalStates = new(StringComparer.Ordinal)
    {
        KnownResourceStates.Exited, KnownResourceStates.Finished, KnownResourceStates.FailedToStart, KnownResourceStates.RuntimeUnhealthy,
    };

    private readonly ConcurrentDictionary<string, CustomResourceSnapshot> _latest = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var shown = model.Resources.Where(r => r is not ParameterResource && r.Name != AspireDashboardName).Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        // From the AppHost's own start: what a person waits for, build output reuse and DCP included.
        var started = System.Diagnostics.Process.GetCurrentProcess().StartTime.ToUniversalTime();
        _ = Task.Run(() => WatchAsync(stoppingToken), stoppingToken);
        var lastProgress = DateTime.UtcNow;
        while (!stoppingToken.IsCancellationRequested)
        {
            // Aspire's own helpers (a project's "rebuilder", say) are hidden from people; so here.
            shown.RemoveWhere(name => _latest.TryGetValue(name, out var s) && s.IsHidden);
            var pending = shown.Where(name => !IsSettled(name)).Order(StringComparer.Ordinal).ToList();
            if (pending.Count == 0)
            {
                Print(shown, DateTime.UtcNow - started);
                return;
            }

            if (DateTime.UtcNow - lastProgress >= ProgressInterval)
            {
                System.Console.WriteLine($"Waiting for {string.Join(", ", pending.Select(Describe))} ({(DateTime.UtcNow - started).TotalSeconds:0} s)");
                lastProgress = DateTime.UtcNow;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), stoppingToken).ConfigureAwait(false);
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

    private string Describe(string name) =>
        _latest.TryGetValue(name, out var s) && s.State?.Text is { Length: > 0 } state
            ? s.State.Text == KnownResourceStates.Running ? $"{name} (health: {s.HealthStatus?.ToString() ?? "checking"})" : $"{name} ({state})"
            : $"{name} (not started)";

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
