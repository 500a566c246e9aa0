using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Winyx.Hosting.ApplicationModel;
using Winyx.Hosting.Orchestrator;

namespace Winyx.Hosting.Reporting;

/// <summary>
/// The AppHost's console: a line per state change while starting (who waits for whom), then the
/// resource table and exactly one <c>Dashboard: URL</c> line once every resource has settled,
/// then a line per later change (a crash, a restart, a stop).
/// </summary>
public sealed class ConsoleReporter : BackgroundService
{
    /// <summary>How long a running but unhealthy resource may take before it counts as settled anyway.</summary>
    public static TimeSpan UnhealthyGrace { get; } = TimeSpan.FromSeconds(90);

    private readonly ResourceNotificationService _notifications;
    private readonly ApplicationOrchestrator _orchestrator;
    private readonly DistributedApplicationExecutionContext _context;
    private readonly HostOutput _output;
    private readonly DistributedApplicationModel _model;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Dictionary<string, ResourceSnapshot> _printed = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _settledSource = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _watching = new();
    private IAsyncEnumerable<ResourceEvent>? _changes;
    private bool _settled;

    /// <summary>Creates the reporter.</summary>
    public ConsoleReporter(
        ResourceNotificationService notifications,
        ApplicationOrchestrator orchestrator,
        DistributedApplicationExecutionContext context,
        HostOutput output,
        DistributedApplicationModel model,
        IHostApplicationLifetime lifetime)
    {
        _model = model;
        _lifetime = lifetime;
        _notifications = notifications;
        _orchestrator = orchestrator;
        _context = context;
        _output = output;
    }

    /// <summary>Completes when the Dashboard line has been printed.</summary>
    public Task Settled => _settledSource.Task;

    /// <inheritdoc />
    /// <summary>Subscribes to changes before the orchestrator (registered after this service) publishes any.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _changes = _notifications.WatchAsync(_watching.Token);
        _lifetime.ApplicationStopping.Register(_watching.Cancel);
        var resources = _model.Resources.Count(r => r is not ParameterResource);
        var mode = _context.IsIsolated ? "isolated" : "shared ports";
        _output.WriteLine($"Winyx AppHost: {resources} resources ({mode}, profile {_context.Options.Profile}, time scale {_context.TimeScale.ToString(CultureInfo.InvariantCulture)}, data {_context.DataRoot})");
        return base.StartAsync(cancellationToken);
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _watching.Dispose();
        base.Dispose();
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Shutdown prints its own summary: stop reporting as soon as the application starts stopping.
        using var stopping = stoppingToken.Register(_watching.Cancel);
        var token = _watching.Token;
        using var ticker = new PeriodicTimer(TimeSpan.FromSeconds(1));
        _ = TickAsync(ticker, token);
        _ = ReportBuildAsync(token);
        try
        {
            await foreach (var change in _changes!.WithCancellation(token).ConfigureAwait(false))
            {
                Report(change.Snapshot);
                CheckSettled();
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
    }

    private async Task TickAsync(PeriodicTimer ticker, CancellationToken stoppingToken)
    {
        try
        {
            while (!_settled && await ticker.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                CheckSettled();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task ReportBuildAsync(CancellationToken stoppingToken)
    {
        // The orchestrator starts after this reporter: wait for its build to exist.
        while (_orchestrator.Build is null)
        {
            await Task.Delay(50, stoppingToken).ConfigureAwait(false);
        }

        var result = await _orchestrator.Build.WaitAsync(stoppingToken).ConfigureAwait(false);
        Line("build", result.Succeeded ? $"projects {result.Message} in {result.Duration.TotalSeconds:0.0} s" : result.Message);
    }

    private void Report(ResourceSnapshot snapshot)
    {
        string? text;
        lock (_printed)
        {
            _printed.TryGetValue(snapshot.Name, out var previous);
            _printed[snapshot.Name] = snapshot;
            text = Change(previous, snapshot);
        }

        if (text is not null)
        {
            Line(snapshot.Name, text);
        }
    }

    // One line per state change; health only when it turns healthy, or sick after being healthy
    // (failing probes while a service starts up are expected and not news).
    private static string? Change(ResourceSnapshot? previous, ResourceSnapshot current)
    {
        if (previous is null || previous.State != current.State || !previous.WaitingFor.SequenceEqual(current.WaitingFor) || previous.Message != current.Message)
        {
            return current.State == KnownResourceStates.NotStarted && !current.StoppedByRequest ? null : Describe(current);
        }

        if (current.State != KnownResourceStates.Running || previous.HealthStatus == current.HealthStatus)
        {
            return null;
        }

        return current.HealthStatus switch
        {
            HealthStatus.Healthy => "healthy",
            _ when previous.HealthStatus == HealthStatus.Healthy => $"{current.HealthStatus}: {current.HealthDescription}",
            _ => null,
        };
    }

    private static string Describe(ResourceSnapshot s) => s.State switch
    {
        KnownResourceStates.Waiting => $"Waiting for {string.Join(", ", s.WaitingFor)}",
        KnownResourceStates.Running when s.HealthStatus == HealthStatus.Healthy => "Running, healthy",
        _ when s.Message is { Length: > 0 } message && s.State != KnownResourceStates.Running => $"{s.State}: {message.Split('\n', 2)[0]}",
        _ => s.State,
    };

    private void CheckSettled()
    {
        var snapshots = _notifications.GetSnapshots();
        lock (_printed)
        {
            if (_settled || !snapshots.All(IsSettled))
            {
                return;
            }

            _settled = true;
        }

        foreach (var line in ResourceTable.Format(snapshots))
        {
            _output.WriteLine(line);
        }

        _output.WriteLine($"Dashboard: {_context.Dashboard.LoginUrl}");
        _settledSource.TrySetResult();
    }

    private static bool IsSettled(ResourceSnapshot s) =>
        s.IsTerminal
        || s.IsReady
        || (s.State == KnownResourceStates.NotStarted && s.StoppedByRequest)
        || (s.State == KnownResourceStates.Running && s.StartedAt is { } started && DateTimeOffset.UtcNow - started > UnhealthyGrace);

    private void Line(string name, string text) =>
        _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{_clock.Elapsed.TotalSeconds,6:0.0}s] {name,-16} {text}"));
}
