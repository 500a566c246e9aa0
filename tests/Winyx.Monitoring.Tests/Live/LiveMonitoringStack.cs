using System.Net.Http.Json;
using System.Text.Json;
using Winyx.Hosting.Monitoring;
using Winyx.Hosting.Executables;
using Winyx.Testing.Processes;
using Winyx.Monitoring.Tests.Infrastructure;
using Winyx.Testing;
using Winyx.Testing.Monitoring;

namespace Winyx.Monitoring.Tests.Live;

/// <summary>
/// The real Prometheus and Alertmanager binaries on free loopback ports in a temporary
/// directory, configured exactly as the AppHost does it (the rule files through
/// <see cref="RuleTimeCompressor"/>, <c>prometheus.yml</c> through
/// <see cref="PrometheusConfigRenderer"/>, <c>alertmanager.yml</c> through
/// <see cref="AlertmanagerConfigRenderer"/>), scraping a <see cref="SyntheticExporter"/> that
/// serves every job of the metrics contract.
/// </summary>
public sealed class LiveMonitoringStack : IAsyncLifetime
{
    /// <summary>15 times faster than production: 1 s scrapes and evaluations, windows of 4 s and more.</summary>
    public static readonly MonitoringTimeScale Scale = new(15);

    private static readonly Dictionary<string, string> ServiceOfJob = new(StringComparer.Ordinal)
    {
        ["node"] = "node-exporter",
        ["mysql"] = "mysql-exporter",
        ["redis"] = "redis-exporter",
    };

    private string _directory = string.Empty;
    private ManagedProcess? _prometheus;
    private ManagedProcess? _alertmanager;

    internal SyntheticExporter Exporter { get; private set; } = null!;

    /// <summary>A client whose base address is Prometheus.</summary>
    public HttpClient Prometheus { get; } = new() { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>The scrape targets configured (every one should be up).</summary>
    public int TargetCount { get; private set; }

    /// <summary>The last lines Prometheus and Alertmanager logged, for assertion messages.</summary>
    public string Logs => $"--- prometheus\n{_prometheus?.Output.TailText(20)}\n--- alertmanager\n{_alertmanager?.Output.TailText(20)}";

    public async Task InitializeAsync()
    {
        _directory = TestDirectories.Create("live-monitoring");
        Exporter = await SyntheticExporter.StartAsync(MonitoringLayout.SyntheticMetricsDirectory);
        var alertmanagerPort = PortAllocator.GetFreePort();
        var prometheusPort = PortAllocator.GetFreePort();

        _alertmanager = await StartAlertmanagerAsync(alertmanagerPort);
        _prometheus = await StartPrometheusAsync(prometheusPort, alertmanagerPort);
        Prometheus.BaseAddress = new Uri($"http://127.0.0.1:{prometheusPort}/");
        await WaitReadyAsync(Prometheus.BaseAddress, "Prometheus");
        await WaitReadyAsync(new Uri($"http://127.0.0.1:{alertmanagerPort}/"), "Alertmanager");
    }

    public async Task DisposeAsync()
    {
        Prometheus.Dispose();
        foreach (var process in new[] { _prometheus, _alertmanager })
        {
            if (process is not null)
            {
                await process.DisposeAsync();
            }
        }

        if (Exporter is not null)
        {
            await Exporter.DisposeAsync();
        }

        TestDirectories.Delete(_directory);
    }

    /// <summary>GETs a Prometheus API path and returns its <c>data</c>; throws with Prometheus' error otherwise.</summary>
    public Task<JsonElement> QueryApiAsync(string pathAndQuery) => PrometheusApi.GetDataAsync(Prometheus, pathAndQuery);

    private Task<ManagedProcess> StartAlertmanagerAsync(int port) =>
        MonitoringServers.StartAlertmanagerAsync(_directory, port, new AlertmanagerRenderRequest(MonitoringLayout.AlertmanagerTemplate, Exporter.WebhookUrl) { TimeScale = Scale });

    private Task<ManagedProcess> StartPrometheusAsync(int port, int alertmanagerPort)
    {
        var targets = Exporter.Jobs.Select(job =>
            PrometheusScrapeTarget.ForService(job, Exporter.Authority, ServiceOfJob.GetValueOrDefault(job, job)) with { MetricsPath = $"/metrics/{job}" }).ToList();
        TargetCount = targets.Count + 2;
        var externalLabels = new Dictionary<string, string> { ["monitor"] = "winyx-monitor", ["environment"] = "test" };
        return MonitoringServers.StartPrometheusAsync(_directory, port, alertmanagerPort, targets, externalLabels, Scale);
    }

    private Task WaitReadyAsync(Uri baseAddress, string name) => MonitoringServers.WaitReadyAsync(baseAddress, name, () => Logs);
}
