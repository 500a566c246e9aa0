using Winyx.Testing.Monitoring;
using System.Net.Http.Json;
using Winyx.Alerts.Tests.Infrastructure;
using Winyx.Hosting.Monitoring;
using Winyx.Hosting.Executables;
using Winyx.Testing.Processes;
using Winyx.Monitoring.Tests.Live;
using Winyx.Testing;

namespace Winyx.Alerts.Tests.Live;

/// <summary>
/// The real monitoring pair around the app, configured as the AppHost does it and 15 times faster
/// than production: Prometheus (Debian's <c>prometheus</c>) evaluating the repository's rules over the
/// Monitoring tests' <see cref="SyntheticExporter"/> (every metric of the contract; its mysql exporter
/// reports the database down, so MySQLDown fires), Alertmanager (<c>prometheus-alertmanager</c>) with the
/// repository's routing tree and every receiver's webhook pointed at the app with its bearer token,
/// and the app reading both through <c>services__prometheus__http__0</c> and
/// <c>services__alertmanager__http__0</c>.
/// </summary>
public sealed class LiveMonitoringStack : IAsyncLifetime
{
    private static readonly MonitoringTimeScale Scale = new(15);

    private static readonly Dictionary<string, string> ServiceOfJob = new(StringComparer.Ordinal)
    {
        ["node"] = "node-exporter",
        ["mysql"] = "mysql-exporter",
        ["redis"] = "redis-exporter",
    };

    private string _directory = string.Empty;
    private SyntheticExporter? _exporter;
    private ManagedProcess? _alertmanager;
    private ManagedProcess? _prometheus;

    /// <summary>The app under test.</summary>
    public AlertsApp App { get; private set; } = null!;

    /// <summary>A client whose base address is Alertmanager.</summary>
    public HttpClient Alertmanager { get; } = new() { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>A client whose base address is Prometheus.</summary>
    public HttpClient Prometheus { get; } = new() { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>The last lines of Prometheus, Alertmanager and the app, for failure messages.</summary>
    public string Logs =>
        $"--- prometheus\n{_prometheus?.Output.TailText(15)}\n--- alertmanager\n{_alertmanager?.Output.TailText(15)}\n--- app\n{App?.Logs}";

    public async Task InitializeAsync()
    {
        _directory = TestDirectories.Create("alerts-live");
        _exporter = await SyntheticExporter.StartAsync(Path.Combine(RepoLayout.Root, "tests", "Winyx.Monitoring.Tests", "Live", "SyntheticMetrics"));
        var appPort = PortAllocator.GetFreePort();
        var alertmanagerPort = PortAllocator.GetFreePort();
        var prometheusPort = PortAllocator.GetFreePort();
        var token = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

        _alertmanager = await StartAlertmanagerAsync(alertmanagerPort, new Uri($"http://127.0.0.1:{appPort}/api/alertmanager/webhook"), token);
        _prometheus = await StartPrometheusAsync(prometheusPort, alertmanagerPort);
        Alertmanager.BaseAddress = new Uri($"http://127.0.0.1:{alertmanagerPort}/");
        Prometheus.BaseAddress = new Uri($"http://127.0.0.1:{prometheusPort}/");
        await WaitReadyAsync(Alertmanager, "Alertmanager");
        await WaitReadyAsync(Prometheus, "Prometheus");

        App = await AlertsApp.StartAsync(
            new Dictionary<string, string?>
            {
                ["Alerts__WebhookToken"] = token,
                ["services__alertmanager__http__0"] = Alertmanager.BaseAddress.ToString(),
                ["services__prometheus__http__0"] = Prometheus.BaseAddress.ToString(),
            },
            appPort);
    }

    /// <summary>Posts alerts to Alertmanager's v2 API, as Prometheus would.</summary>
    public async Task PostAlertsAsync(params object[] alerts)
    {
        using var response = await Alertmanager.PostAsJsonAsync(new Uri("api/v2/alerts", UriKind.Relative), alerts);
        response.EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        foreach (var process in new[] { _prometheus, _alertmanager })
        {
            if (process is not null)
            {
                await process.DisposeAsync();
            }
        }

        if (_exporter is not null)
        {
            await _exporter.DisposeAsync();
        }

        Alertmanager.Dispose();
        Prometheus.Dispose();
        TestDirectories.Delete(_directory);
    }

    private Task<ManagedProcess> StartAlertmanagerAsync(int port, Uri webhook, string token) =>
        MonitoringServers.StartAlertmanagerAsync(_directory, port, new AlertmanagerRenderRequest(MonitoringServers.RepositoryAlertmanagerTemplate, webhook)
        {
            WebhookBearerToken = token,
            TimeScale = Scale,
        });

    private Task<ManagedProcess> StartPrometheusAsync(int port, int alertmanagerPort) =>
        MonitoringServers.StartPrometheusAsync(
            _directory,
            port,
            alertmanagerPort,
            _exporter!.Jobs.Select(job => PrometheusScrapeTarget.ForService(job, _exporter.Authority, ServiceOfJob.GetValueOrDefault(job, job)) with { MetricsPath = $"/metrics/{job}" }),
            new Dictionary<string, string> { ["monitor"] = "winyx-monitor" },
            Scale);

    private Task WaitReadyAsync(HttpClient client, string name) => MonitoringServers.WaitReadyAsync(client.BaseAddress!, name, () => Logs);
}
