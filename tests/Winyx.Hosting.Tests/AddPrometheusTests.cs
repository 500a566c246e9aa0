using Microsoft.Extensions.DependencyInjection;
using Winyx.Hosting.Alertmanager;
using Winyx.Hosting.Monitoring;
using Winyx.Hosting.Prometheus;
using Winyx.Testing;
using YamlDotNet.RepresentationModel;

namespace Winyx.Hosting.Tests;

public sealed class AddPrometheusTests
{
    [Fact]
    public void AddPrometheusAddsAnUnproxiedHttpEndpointOnTheGivenPort()
    {
        using var model = TestModel.Create();

        var prometheus = model.Builder.AddPrometheus("prometheus", port: 19091);

        Assert.Equal("prometheus", prometheus.Resource.Command);
        var endpoint = Assert.Single(prometheus.Resource.Annotations.OfType<EndpointAnnotation>());
        Assert.Equal("http", endpoint.Name);
        Assert.Equal("http", endpoint.UriScheme);
        Assert.Equal(19091, endpoint.Port);
        Assert.False(endpoint.IsProxied);
    }

    [Fact]
    public async Task AddPrometheusListensOnLoopbackWithItsRenderedConfig()
    {
        using var model = TestModel.Create();
        var prometheus = model.Builder.AddPrometheus("prometheus", port: 19091);
        TestModel.Allocate(prometheus.Resource, "http", 19091);

        var args = await TestModel.ArgumentsAsync(prometheus.Resource);

        var directory = Path.Combine(model.DataDirectory, "prometheus");
        Assert.Contains($"--config.file={Path.Combine(directory, "prometheus.yml")}", args);
        Assert.Contains($"--storage.tsdb.path={Path.Combine(directory, "data")}", args);
        Assert.Contains("--web.listen-address=127.0.0.1:19091", args);
        Assert.Contains("--web.external-url=http://localhost:19091/", args);
        Assert.Contains("--rules.alert.resend-delay=1m", args);
        Assert.Contains("--web.enable-lifecycle", args);
    }

    [Fact]
    public async Task AddPrometheusCompressesTheResendDelayUnderATimeScale()
    {
        using var model = TestModel.Create("Winyx:TimeScale=15");
        var prometheus = model.Builder.AddPrometheus("prometheus", port: 19091);
        TestModel.Allocate(prometheus.Resource, "http", 19091);

        var args = await TestModel.ArgumentsAsync(prometheus.Resource);

        Assert.Single(args, a => a.StartsWith("--rules.alert.resend-delay=", StringComparison.Ordinal));
        Assert.Contains("--rules.alert.resend-delay=4s", args);
    }

    [Fact]
    public async Task AddPrometheusLinksItsAlertsAndTargetsPages()
    {
        using var model = TestModel.Create();
        var prometheus = model.Builder.AddPrometheus("prometheus", port: 19091);
        TestModel.Allocate(prometheus.Resource, "http", 19091);

        var urls = await TestModel.UrlsAsync(prometheus.Resource);

        Assert.Contains(urls, u => u.DisplayText == "Alerts" && u.Url == "http://localhost:19091/alerts");
        Assert.Contains(urls, u => u.DisplayText == "Targets" && u.Url == "http://localhost:19091/targets");
    }

    [Fact]
    public void AddPrometheusIsScrapedAsItsOwnJobAndChecksReadiness()
    {
        using var model = TestModel.Create();

        var prometheus = model.Builder.AddPrometheus("prometheus", port: 19091);

        var metrics = Assert.Single(prometheus.Resource.Annotations.OfType<MetricsEndpointAnnotation>());
        Assert.Equal(new MetricsEndpointAnnotation("prometheus", "http", "/metrics"), metrics);
        var healthCheck = Assert.Single(prometheus.Resource.Annotations.OfType<HealthCheckAnnotation>());
        Assert.Contains(healthCheck.Key, model.HealthCheckRegistrations());
    }

    [Fact]
    public void WithRuleFilesRejectsAMissingDirectoryNamingIt()
    {
        using var model = TestModel.Create();
        var prometheus = model.Builder.AddPrometheus("prometheus", port: 19091);
        var missing = Path.Combine(model.DataDirectory, "no-such-rules");

        var ex = Assert.Throws<DistributedApplicationException>(() => prometheus.WithRuleFiles(missing));

        Assert.Contains(missing, ex.Message, StringComparison.Ordinal);
        Assert.Contains("'prometheus'", ex.Message, StringComparison.Ordinal);
        Assert.Empty(prometheus.Resource.RuleDirectories);
    }

    [Fact]
    public void WithRuleFilesKeepsTheFullPathOfAnExistingDirectory()
    {
        using var model = TestModel.Create();
        var rules = Directory.CreateDirectory(Path.Combine(model.DataDirectory, "rules")).FullName;

        var prometheus = model.Builder.AddPrometheus("prometheus", port: 19091).WithRuleFiles(rules);

        Assert.Equal([rules], prometheus.Resource.RuleDirectories);
    }

    [Fact]
    public void WithAlertmanagerSetsTheTargetAndARelationship()
    {
        using var model = TestModel.Create();
        var alertmanager = model.Builder.AddAlertmanager("alertmanager", port: 19093);

        var prometheus = model.Builder.AddPrometheus("prometheus", port: 19091).WithAlertmanager(alertmanager);

        Assert.Same(alertmanager.Resource, prometheus.Resource.Alertmanager);
        Assert.Contains(prometheus.Resource.Annotations.OfType<ResourceRelationshipAnnotation>(), r => r.Resource == alertmanager.Resource && r.Type == "Reference");
    }

    [Fact]
    public async Task WaitForScrapeTargetsWaitsForEveryMetricsResourceOnceTheModelIsComplete()
    {
        // Build() validates the orchestrator's options; nothing is started, so placeholders do.
        using var model = TestModel.Create("DcpPublisher:CliPath=/nonexistent/dcp", "DcpPublisher:DashboardPath=/nonexistent/dashboard");
        var prometheus = model.Builder.AddPrometheus("prometheus", port: 19091).WaitForScrapeTargets();
        // Added after WaitForScrapeTargets: the targets are read from the finished model.
        var alertmanager = model.Builder.AddAlertmanager("alertmanager", port: 19093);
        var api = model.Builder.AddExecutable("api", "true", ".").WithHttpEndpoint(port: 18888, name: "http", isProxied: false).WithMetricsEndpoint();
        var unscraped = model.Builder.AddExecutable("tool", "true", ".").WithHttpEndpoint(port: 18889, name: "http", isProxied: false);
        Assert.Empty(prometheus.Resource.Annotations.OfType<WaitAnnotation>());

        // Built, not started: Aspire's own BeforeStart subscribers need the application's services.
        using var app = model.Builder.Build();
        await model.Builder.Eventing.PublishAsync(new BeforeStartEvent(app.Services, app.Services.GetRequiredService<DistributedApplicationModel>()))
            .WaitAsync(TimeSpan.FromSeconds(30));

        var waits = prometheus.Resource.Annotations.OfType<WaitAnnotation>().ToArray();
        Assert.Equal(
            new IResource[] { alertmanager.Resource, api.Resource }.Select(r => r.Name).Order(),
            waits.Select(w => w.Resource.Name).Order());
        Assert.All(waits, w => Assert.Equal(WaitType.WaitUntilHealthy, w.WaitType));
        Assert.DoesNotContain(waits, w => w.Resource == unscraped.Resource || w.Resource == prometheus.Resource);
    }

    [Fact]
    public async Task AlertThresholdOverridesAreAppliedToTheRulesPrometheusStartsWith()
    {
        using var model = TestModel.Create(
            "Winyx:TimeScale=60",
            "Winyx:AlertThresholds:HighMemoryUsage:warning=0.31",
            "Winyx:AlertThresholds:BackupTooOld:*=30",
            "DcpPublisher:CliPath=/nonexistent/dcp",
            "DcpPublisher:DashboardPath=/nonexistent/dashboard");
        var prometheus = model.Builder.AddPrometheus("prometheus", port: 19091).WithRuleFiles(RepositoryRules);
        TestModel.Allocate(prometheus.Resource, "http", 19091);

        using var app = model.Builder.Build();
        await model.Builder.Eventing.PublishAsync(new BeforeResourceStartedEvent(prometheus.Resource, app.Services)).WaitAsync(TimeSpan.FromSeconds(30));

        var rules = Path.Combine(model.DataDirectory, "prometheus", "rules");
        var memory = Rule(Path.Combine(rules, "system.yml"), "HighMemoryUsage", "warning");
        Assert.Equal("instance:node_memory_utilisation:ratio > 0.31", Scalar(memory, "expr"));
        Assert.Equal("0.31 (was 0.85)", Scalar((YamlMappingNode)memory["annotations"], "threshold_override"));
        Assert.Equal("5s", Scalar(memory, "for"));
        Assert.Equal("instance:node_memory_utilisation:ratio > 0.95", Scalar(Rule(Path.Combine(rules, "system.yml"), "HighMemoryUsage", "critical"), "expr"));
        Assert.Equal("time() - backup_last_success_timestamp_seconds > 30", Scalar(Rule(Path.Combine(rules, "backup.yml"), "BackupTooOld", "warning"), "expr"));
        var critical = Rule(Path.Combine(rules, "backup.yml"), "BackupTooOld", "critical");
        Assert.Equal("time() - backup_last_success_timestamp_seconds > 30", Scalar(critical, "expr"));
        Assert.Equal("30 (was 49 * 3600)", Scalar((YamlMappingNode)critical["annotations"], "threshold_override"));
        Assert.Contains(Path.Combine(rules, "system.yml"), await File.ReadAllTextAsync(prometheus.Resource.ConfigFilePath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAlertThresholdOverrideMatchingNoRuleStopsTheStartNamingIt()
    {
        using var model = TestModel.Create(
            "Winyx:AlertThresholds:HighMemoryUse:warning=0.31",
            "DcpPublisher:CliPath=/nonexistent/dcp",
            "DcpPublisher:DashboardPath=/nonexistent/dashboard");
        model.Builder.AddPrometheus("prometheus", port: 19091).WithRuleFiles(RepositoryRules);

        using var app = model.Builder.Build();
        var ex = await Assert.ThrowsAsync<InvalidDataException>(() => model.Builder.Eventing.PublishAsync(new BeforeStartEvent(app.Services, app.Services.GetRequiredService<DistributedApplicationModel>())).WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Contains("HighMemoryUse:warning=0.31 matches no alerting rule", ex.Message, StringComparison.Ordinal);
    }

    private static string RepositoryRules => Path.Combine(RepoLayout.Root, "monitoring", "prometheus", "rules");

    private static YamlMappingNode Rule(string file, string alert, string severity)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(file)));
        return ((YamlSequenceNode)((YamlMappingNode)stream.Documents[0].RootNode)["groups"])
            .Cast<YamlMappingNode>()
            .SelectMany(g => ((YamlSequenceNode)g["rules"]).Cast<YamlMappingNode>())
            .Single(r => r.Children.ContainsKey("alert") && Scalar(r, "alert") == alert && Scalar((YamlMappingNode)r["labels"], "severity") == severity);
    }

    private static string? Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node[key]).Value;
}
