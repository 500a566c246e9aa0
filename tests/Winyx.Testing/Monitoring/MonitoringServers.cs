using Winyx.Hosting.Monitoring;
using Winyx.Testing.Processes;

namespace Winyx.Testing.Monitoring;

/// <summary>
/// Real Prometheus and Alertmanager processes for tests, configured through the same renderers
/// and rule compressor as the AppHost's integrations: one start-up for every live monitoring test.
/// </summary>
public static class MonitoringServers
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The repository's rule files, in a stable order.</summary>
    public static IReadOnlyList<string> RepositoryRuleFiles =>
        Directory.GetFiles(Path.Combine(RepoLayout.Root, "monitoring", "prometheus", "rules"), "*.yml").Order(StringComparer.Ordinal).ToList();

    /// <summary>The repository's Alertmanager template.</summary>
    public static string RepositoryAlertmanagerTemplate => Path.Combine(RepoLayout.Root, "monitoring", "alertmanager", "alertmanager.yml");

    /// <summary>Renders <paramref name="request"/> into <paramref name="directory"/> and starts Alertmanager on 127.0.0.1:<paramref name="port"/> (no cluster port).</summary>
    public static Task<ManagedProcess> StartAlertmanagerAsync(string directory, int port, AlertmanagerRenderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var config = Path.Combine(directory, "alertmanager.yml");
        AlertmanagerConfigRenderer.Render(request).WriteTo(config);
        return ManagedProcess.StartAsync(new ManagedProcessOptions("prometheus-alertmanager")
        {
            Arguments =
            [
                $"--config.file={config}",
                $"--storage.path={Path.Combine(directory, "alertmanager-data")}",
                $"--web.listen-address=127.0.0.1:{port}",
                $"--web.external-url=http://127.0.0.1:{port}/",
                "--cluster.listen-address=",
            ],
            StopTimeout = StopTimeout,
        });
    }

    /// <summary>
    /// Starts Prometheus on 127.0.0.1:<paramref name="port"/> scraping itself, the Alertmanager on
    /// <paramref name="alertmanagerPort"/> and <paramref name="targets"/>, with the repository's rules
    /// compressed by <paramref name="scale"/>.
    /// </summary>
    public static async Task<ManagedProcess> StartPrometheusAsync(
        string directory, int port, int alertmanagerPort, IEnumerable<PrometheusScrapeTarget> targets, IReadOnlyDictionary<string, string> externalLabels, MonitoringTimeScale scale)
    {
        ArgumentNullException.ThrowIfNull(scale);
        var rules = RuleTimeCompressor.CompressFiles(RepositoryRuleFiles, Path.Combine(directory, "rules"), scale);
        List<PrometheusScrapeTarget> all =
        [
            PrometheusScrapeTarget.ForService("prometheus", $"127.0.0.1:{port}", "prometheus"),
            PrometheusScrapeTarget.ForService("alertmanager", $"127.0.0.1:{alertmanagerPort}", "alertmanager"),
            .. targets,
        ];
        var config = Path.Combine(directory, "prometheus.yml");
        await File.WriteAllTextAsync(config, PrometheusConfigRenderer.Render(
            new PrometheusConfigModel(all, externalLabels, [new Uri($"http://127.0.0.1:{alertmanagerPort}/")], rules)
            {
                ScrapeInterval = scale.ScrapeInterval,
                EvaluationInterval = scale.EvaluationInterval,
            }));
        return await ManagedProcess.StartAsync(new ManagedProcessOptions("prometheus")
        {
            Arguments =
            [
                $"--config.file={config}",
                $"--storage.tsdb.path={Path.Combine(directory, "prometheus-data")}",
                $"--web.listen-address=127.0.0.1:{port}",
                $"--web.external-url=http://127.0.0.1:{port}/",
                $"--rules.alert.resend-delay={PrometheusDuration.Format(scale.AlertResendDelay)}",
            ],
            StopTimeout = StopTimeout,
        });
    }

    /// <summary>Waits until <c>/-/ready</c> at <paramref name="baseAddress"/> answers; the message carries <paramref name="logs"/>.</summary>
    public static async Task WaitReadyAsync(Uri baseAddress, string name, Func<string> logs)
    {
        ArgumentNullException.ThrowIfNull(logs);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        await Poll.UntilAsync(
            async () => (await client.GetAsync(new Uri(baseAddress, "-/ready"))).IsSuccessStatusCode,
            ReadyTimeout,
            $"{name} at {baseAddress} became ready\n{logs()}");
    }
}
