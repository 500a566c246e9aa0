using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Winyx.AppHost.Tests;

/// <summary>
/// The real AppHost's whole fleet, started once for the class through Aspire.Hosting.Testing:
/// isolated (free ports, a temporary data directory), monitoring timings compressed 15× so
/// Prometheus scrapes every second.
/// </summary>
public sealed class FleetFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartBudget = TimeSpan.FromMinutes(3);

    /// <summary>The resources the fleet must bring to Running and Healthy.</summary>
    public static readonly string[] Required =
        ["alertmanager", "alerts", "api", "backup", "mysql", "mysql-exporter", "node-exporter", "prometheus", "redis", "redis-exporter", "userdb", "userrpc", "web"];

    /// <summary>The key of the dashboard's telemetry API for this run (header <c>x-api-key</c>).</summary>
    public string DashboardApiKey { get; } = Guid.NewGuid().ToString("N");

    public DistributedApplication App { get; private set; } = null!;

    /// <summary>Secrets the tests handed to or got from the fleet (issued tokens, per-test passwords), for the log scan.</summary>
    public ConcurrentBag<string> Secrets { get; } = [];

    /// <summary>
    /// Everything the AppHost logged since it started, by category: its own records and every
    /// resource's console output (stdout and stderr, as <c>Winyx.AppHost.Resources.&lt;name&gt;</c>).
    /// </summary>
    public CapturingLoggerProvider Logs { get; } = new();

    /// <summary>How long the fleet took from StartAsync until every resource was healthy (reported, not asserted).</summary>
    public TimeSpan TimeToHealthy { get; private set; }

    /// <summary>How many times MariaDB was provisioned by the time every resource was healthy (its resource log says so each time).</summary>
    public int ProvisioningsAtStart { get; private set; }

    public async Task InitializeAsync()
    {
        // With the dashboard, as users run it: the services' OTLP has a receiver (without one each
        // service's exporter spends its flush timeout on shutdown, and a stop times out).
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Winyx_AppHost>(
            ["--isolated", "--time-scale", "15", $"--AppHost:DashboardApiKey={DashboardApiKey}"],
            (options, _) => options.DisableDashboard = false);
        builder.Services.AddLogging(logging => logging.AddProvider(Logs));
        App = await builder.BuildAsync();
        var clock = Stopwatch.StartNew();
        using var budget = new CancellationTokenSource(StartBudget);
        try
        {
            await App.StartAsync(budget.Token);
            await Task.WhenAll(Required.Select(name => App.ResourceNotifications.WaitForResourceHealthyAsync(name, budget.Token)));
        }
        catch (OperationCanceledException)
        {
            throw Winyx.Hosting.Console.ResourceProgress.NotHealthyWithin(StartBudget, App.ResourceNotifications, Required);
        }
        TimeToHealthy = clock.Elapsed;
        ProvisioningsAtStart = Logs.Lines.TryGetValue("Winyx.AppHost.Resources.mysql", out var mysql)
            ? mysql.Count(line => line.Contains("Provisioned userdb", StringComparison.Ordinal))
            : 0;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    /// <summary>The isolated run's data directory (databases, backups, secrets.json, rendered configs, any log files).</summary>
    public string DataDirectory =>
        App.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()[$"{Winyx.Hosting.Configuration.WinyxOptions.Section}:DataDirectory"]
        ?? throw new InvalidOperationException("the isolated fleet has no data directory");

    /// <summary>The values of every secret parameter the AppHost generated (keys, tokens, passwords).</summary>
    public async Task<IReadOnlyDictionary<string, string>> GeneratedSecretsAsync()
    {
        var secrets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var parameter in App.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<ParameterResource>().Where(p => p.Secret))
        {
            if (await parameter.GetValueAsync(CancellationToken.None) is { Length: > 0 } value)
            {
                secrets[parameter.Name] = value;
            }
        }

        return secrets;
    }

    /// <summary>Waits until Aspire sees <paramref name="resource"/> no longer running (after a kill), then starts it again and waits until it is healthy.</summary>
    public async Task RestartAfterKillAsync(string resource, string healthyResource, TimeSpan deadline)
    {
        await Winyx.Testing.Poll.UntilAsync(() => Snapshot(resource).State?.Text != KnownResourceStates.Running, deadline,
            $"{resource} was still Running after its process was killed");
        await CommandAsync(resource, "resource-start");
        await App.ResourceNotifications.WaitForResourceHealthyAsync(healthyResource).WaitAsync(deadline);
    }

    /// <summary>The current snapshot of <paramref name="name"/>.</summary>
    public CustomResourceSnapshot Snapshot(string name) =>
        App.ResourceNotifications.TryGetCurrentState(name, out var resourceEvent) ? resourceEvent.Snapshot : throw new InvalidOperationException($"no state for {name}");

    /// <summary>True when <paramref name="name"/> is Running and Healthy now.</summary>
    public bool IsHealthy(string name) =>
        Winyx.Hosting.Console.ResourceProgress.IsRunningAndHealthy(Snapshot(name));

    /// <summary>A client for the Aspire dashboard's HTTP telemetry API, its key set.</summary>
    public HttpClient CreateDashboardApiClient()
    {
        // The UI endpoint ("http"); the dashboard's OTLP endpoints are http too but speak only HTTP/2.
        var url = new Uri(Snapshot("aspire-dashboard").Urls.First(u => u.Name == "http").Url);
        var client = new HttpClient { BaseAddress = new Uri(url.GetLeftPart(UriPartial.Authority)) };
        client.DefaultRequestHeaders.Add("x-api-key", DashboardApiKey);
        return client;
    }

    /// <summary>Stops <paramref name="resource"/>, runs <paramref name="whileStopped"/>, and starts it again whatever happened.</summary>
    public async Task WhileStoppedAsync(string resource, Func<Task> whileStopped)
    {
        ArgumentNullException.ThrowIfNull(whileStopped);
        await CommandAsync(resource, "resource-stop");
        try
        {
            await whileStopped();
        }
        finally
        {
            await CommandAsync(resource, "resource-start");
        }
    }

    /// <summary>Runs a resource command (<c>resource-stop</c>, <c>resource-start</c>, <c>chaos-on</c>, …) and fails on failure.</summary>
    public async Task CommandAsync(string resource, string command)
    {
        var result = await App.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(resource, command);
        Assert.True(result.Success, $"{command} on {resource} failed: {result.Message}");
    }
}
