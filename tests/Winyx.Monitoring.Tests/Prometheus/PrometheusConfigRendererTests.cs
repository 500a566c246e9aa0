using Winyx.Hosting.Monitoring;
using Winyx.Monitoring.Tests.Infrastructure;
using Winyx.Testing;

namespace Winyx.Monitoring.Tests.Prometheus;

public sealed class PrometheusConfigRendererTests
{
    private static readonly Dictionary<string, string> ExternalLabels = new(StringComparer.Ordinal)
    {
        ["monitor"] = "winyx-monitor",
        ["environment"] = "test",
    };

    // DESIGN.md's jobs, each target labelled with its resource name.
    private static readonly PrometheusScrapeTarget[] FleetTargets =
    [
        PrometheusScrapeTarget.ForService("prometheus", "127.0.0.1:9091", "prometheus"),
        PrometheusScrapeTarget.ForService("alertmanager", "127.0.0.1:9093", "alertmanager"),
        PrometheusScrapeTarget.ForService("node", "127.0.0.1:9100", "node-exporter"),
        PrometheusScrapeTarget.ForService("mysql", "127.0.0.1:9104", "mysql-exporter"),
        PrometheusScrapeTarget.ForService("redis", "127.0.0.1:9121", "redis-exporter"),
        PrometheusScrapeTarget.ForService("api", "127.0.0.1:8888", "api"),
        PrometheusScrapeTarget.ForService("api", "127.0.0.1:8889", "api"),
        PrometheusScrapeTarget.ForService("userrpc", "127.0.0.1:8080", "userrpc"),
        PrometheusScrapeTarget.ForService("web", "127.0.0.1:3000", "web"),
        PrometheusScrapeTarget.ForService("dashboard", "127.0.0.1:18888", "dashboard"),
    ];

    [Fact]
    public async Task PromtoolAcceptsTheRenderedFleetConfigWithCompressedRules()
    {
        var directory = TestDirectories.Create("prometheus-config");
        try
        {
            var scale = new MonitoringTimeScale(60);
            var rules = RuleTimeCompressor.CompressFiles(MonitoringLayout.RuleFiles, Path.Combine(directory, "rules"), scale);
            var yaml = PrometheusConfigRenderer.Render(Model(rules) with { ScrapeInterval = scale.ScrapeInterval, EvaluationInterval = scale.EvaluationInterval });
            var path = Path.Combine(directory, "prometheus.yml");
            await File.WriteAllTextAsync(path, yaml);

            // check config also loads and checks every rule file it names.
            var result = await Tool.RunAsync("promtool", ["check", "config", path]);

            Assert.True(result.ExitCode == 0, result.Output + "\n" + yaml);
        }
        finally
        {
            TestDirectories.Delete(directory);
        }
    }

    [Fact]
    public void RendersOneJobPerJobNameWithEveryTargetAndItsServiceLabel()
    {
        var config = Parse(PrometheusConfigRenderer.Render(Model([])));

        Assert.Equal(["prometheus", "alertmanager", "node", "mysql", "redis", "api", "userrpc", "web", "dashboard"], config.ScrapeConfigs.Select(job => job.JobName));
        var api = config.ScrapeConfigs.Single(job => job.JobName == "api");
        Assert.Equal(["127.0.0.1:8888", "127.0.0.1:8889"], api.StaticConfigs.SelectMany(group => group.Targets));
        Assert.All(api.StaticConfigs, group => Assert.Equal("api", group.Labels["service"]));
        Assert.Equal("/metrics", api.MetricsPath);
    }

    [Fact]
    public void RendersExternalLabelsAlertmanagersAndIntervals()
    {
        var model = Model([]) with { ScrapeInterval = TimeSpan.FromSeconds(15), EvaluationInterval = TimeSpan.FromSeconds(30) };

        var config = Parse(PrometheusConfigRenderer.Render(model));

        Assert.Equal(ExternalLabels, config.Global.ExternalLabels);
        Assert.Equal("15s", config.Global.ScrapeInterval);
        Assert.Equal("10s", config.Global.ScrapeTimeout);
        Assert.Equal("30s", config.Global.EvaluationInterval);
        var alertmanager = config.Alerting.Alertmanagers.Single();
        Assert.Equal(["127.0.0.1:9093"], alertmanager.StaticConfigs.Single().Targets);
        Assert.Equal("/", alertmanager.PathPrefix);
    }

    [Fact]
    public void CapsTheScrapeTimeoutAtACompressedScrapeInterval()
    {
        var config = Parse(PrometheusConfigRenderer.Render(Model([]) with { ScrapeInterval = TimeSpan.FromSeconds(1) }));

        // Prometheus refuses a timeout longer than the interval; its 10s default would be one.
        Assert.Equal("1s", config.Global.ScrapeTimeout);
    }

    [Fact]
    public void RejectsATargetWithoutServiceLabel()
    {
        var model = Model([]) with { Targets = [new PrometheusScrapeTarget("api", "127.0.0.1:8888", new Dictionary<string, string>())] };

        var error = Assert.Throws<ArgumentException>(() => PrometheusConfigRenderer.Render(model));

        Assert.Contains("no 'service' label", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8888")]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.1:99999")]
    [InlineData("")]
    public void RejectsAnAddressThatIsNotHostAndPort(string address)
    {
        var model = Model([]) with { Targets = [PrometheusScrapeTarget.ForService("api", address, "api")] };

        var error = Assert.Throws<ArgumentException>(() => PrometheusConfigRenderer.Render(model));

        Assert.Contains("is not host:port", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsOneJobWithTwoMetricsPaths()
    {
        var model = Model([]) with
        {
            Targets =
            [
                PrometheusScrapeTarget.ForService("api", "127.0.0.1:8888", "api"),
                PrometheusScrapeTarget.ForService("api", "127.0.0.1:8889", "api") with { MetricsPath = "/other" },
            ],
        };

        var error = Assert.Throws<ArgumentException>(() => PrometheusConfigRenderer.Render(model));

        Assert.Contains("Job 'api' mixes metrics paths", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsADuplicateTarget()
    {
        var model = Model([]) with { Targets = [FleetTargets[5], FleetTargets[5]] };

        var error = Assert.Throws<ArgumentException>(() => PrometheusConfigRenderer.Render(model));

        Assert.Contains("lists target 127.0.0.1:8888 twice", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("__address__")]
    [InlineData("1abc")]
    [InlineData("with-dash")]
    public void RejectsInvalidLabelNames(string name)
    {
        var labels = new Dictionary<string, string> { ["service"] = "api", [name] = "x" };
        var model = Model([]) with { Targets = [new PrometheusScrapeTarget("api", "127.0.0.1:8888", labels)] };

        var error = Assert.Throws<ArgumentException>(() => PrometheusConfigRenderer.Render(model));

        Assert.Contains($"'{name}' is not a valid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsATimeoutLongerThanTheInterval()
    {
        var model = Model([]) with { ScrapeInterval = TimeSpan.FromSeconds(5), ScrapeTimeout = TimeSpan.FromSeconds(6) };

        Assert.Throws<ArgumentException>(() => PrometheusConfigRenderer.Render(model));
    }

    private static PrometheusConfigModel Model(IReadOnlyList<string> ruleFiles) =>
        new(FleetTargets, ExternalLabels, [new Uri("http://127.0.0.1:9093/")], ruleFiles);

    private static PrometheusConfigDto Parse(string yaml) => Yaml.Parse<PrometheusConfigDto>(yaml);

    private sealed class PrometheusConfigDto
    {
        public GlobalDto Global { get; set; } = new();

        public AlertingDto Alerting { get; set; } = new();

        public List<ScrapeConfigDto> ScrapeConfigs { get; set; } = [];
    }

    private sealed class GlobalDto
    {
        public string ScrapeInterval { get; set; } = string.Empty;

        public string ScrapeTimeout { get; set; } = string.Empty;

        public string EvaluationInterval { get; set; } = string.Empty;

        public Dictionary<string, string> ExternalLabels { get; set; } = [];
    }

    private sealed class AlertingDto
    {
        public List<AlertmanagerDto> Alertmanagers { get; set; } = [];
    }

    private sealed class AlertmanagerDto
    {
        public string PathPrefix { get; set; } = string.Empty;

        public List<StaticConfigDto> StaticConfigs { get; set; } = [];
    }

    private sealed class ScrapeConfigDto
    {
        public string JobName { get; set; } = string.Empty;

        public string MetricsPath { get; set; } = string.Empty;

        public List<StaticConfigDto> StaticConfigs { get; set; } = [];
    }

    private sealed class StaticConfigDto
    {
        public List<string> Targets { get; set; } = [];

        public Dictionary<string, string> Labels { get; set; } = [];
    }
}
