using Winyx.Hosting.Alertmanager;
using Winyx.Hosting.Exporters;
using Winyx.Hosting.Monitoring;
using Winyx.Hosting.Prometheus;
using Winyx.Hosting.Redis;
using YamlDotNet.RepresentationModel;

namespace Winyx.Hosting.Tests;

public sealed class PrometheusConfigWriterTests
{
    [Fact]
    public void CreateModelMakesEveryAllocatedMetricsEndpointATargetWithJobAndServiceLabel()
    {
        using var model = TestModel.Create();
        var prometheus = model.Builder.AddPrometheus("prometheus", port: 19091);
        var node = model.Builder.AddNodeExporter("node-exporter", port: 19100);
        var api = model.Builder.AddExecutable("api", "true", ".").WithHttpEndpoint(port: 18888, name: "http", isProxied: false).WithMetricsEndpoint();
        model.Builder.AddExecutable("web", "true", ".").WithHttpEndpoint(port: 18080, name: "http", isProxied: false).WithMetricsEndpoint();
        TestModel.Allocate(prometheus.Resource, "http", 19091);
        TestModel.Allocate(node.Resource, "http", 19100);
        TestModel.Allocate(api.Resource, "http", 18888);
        // web is never allocated: it is left out rather than guessed.

        var config = PrometheusConfigWriter.CreateModel(prometheus.Resource, model.Builder.Resources, MonitoringTimeScale.Production, "development", []);

        Assert.Equal(["prometheus", "node", "api"], config.Targets.Select(t => t.Job));
        var nodeTarget = config.Targets.Single(t => t.Job == "node");
        Assert.Equal("127.0.0.1:19100", nodeTarget.Address);
        Assert.Equal("node-exporter", nodeTarget.Labels["service"]);
        Assert.Equal("/metrics", nodeTarget.MetricsPath);
        Assert.All(config.Targets, t => Assert.True(t.Labels.ContainsKey("service")));
    }

    [Fact]
    public void CreateModelCarriesLabelsAlertmanagerAndCompressedIntervals()
    {
        using var model = TestModel.Create();
        var alertmanager = model.Builder.AddAlertmanager("alertmanager", port: 19093);
        var prometheus = model.Builder.AddPrometheus("prometheus", port: 19091).WithAlertmanager(alertmanager).WithExternalLabel("site", "lab");
        TestModel.Allocate(alertmanager.Resource, "http", 19093);
        var scale = new MonitoringTimeScale(15);

        var config = PrometheusConfigWriter.CreateModel(prometheus.Resource, model.Builder.Resources, scale, "test", ["/rules/a.yml"]);

        Assert.Equal([new Uri("http://localhost:19093/")], config.Alertmanagers);
        Assert.Equal("winyx-monitor", config.ExternalLabels["monitor"]);
        Assert.Equal("test", config.ExternalLabels["environment"]);
        Assert.Equal("lab", config.ExternalLabels["site"]);
        Assert.Equal(TimeSpan.FromSeconds(1), config.ScrapeInterval);
        Assert.Equal(TimeSpan.FromSeconds(1), config.EvaluationInterval);
        Assert.Equal(["/rules/a.yml"], config.RuleFiles);
        Assert.Contains(config.Targets, t => t.Job == "alertmanager" && t.Address == "127.0.0.1:19093" && t.Labels["service"] == "alertmanager");
    }

    [Fact]
    public void AnExplicitEnvironmentLabelWinsOverTheProfile()
    {
        using var model = TestModel.Create();
        var prometheus = model.Builder.AddPrometheus("prometheus", port: 19091).WithExternalLabel("environment", "staging");

        var config = PrometheusConfigWriter.CreateModel(prometheus.Resource, model.Builder.Resources, MonitoringTimeScale.Production, "development", []);

        Assert.Equal("staging", config.ExternalLabels["environment"]);
        Assert.Empty(config.Alertmanagers);
    }

    [Fact]
    public void TheRenderedConfigurationHasAJobPerTargetGroupWithServiceLabels()
    {
        using var model = TestModel.Create();
        var prometheus = model.Builder.AddPrometheus("prometheus", port: 19091);
        var redisExporter = model.Builder.AddRedisExporter("redis-exporter", model.Builder.AddLocalRedis("redis", port: 16379), port: 19121);
        TestModel.Allocate(prometheus.Resource, "http", 19091);
        TestModel.Allocate(redisExporter.Resource, "http", 19121);

        var yaml = PrometheusConfigRenderer.Render(PrometheusConfigWriter.CreateModel(prometheus.Resource, model.Builder.Resources, MonitoringTimeScale.Production, "development", []));

        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        Assert.False(root.Children.ContainsKey("alerting"));
        var jobs = ((YamlSequenceNode)root["scrape_configs"]).Cast<YamlMappingNode>().ToDictionary(j => ((YamlScalarNode)j["job_name"]).Value!);
        Assert.Equal(["prometheus", "redis"], jobs.Keys);
        var redisTarget = (YamlMappingNode)((YamlSequenceNode)jobs["redis"]["static_configs"])[0];
        Assert.Equal("127.0.0.1:19121", ((YamlScalarNode)((YamlSequenceNode)redisTarget["targets"])[0]).Value);
        Assert.Equal("redis-exporter", ((YamlScalarNode)((YamlMappingNode)redisTarget["labels"])["service"]).Value);
    }
}
