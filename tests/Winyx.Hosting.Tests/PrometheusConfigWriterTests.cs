using Winyx.Hosting.Infrastructure;
using Winyx.Hosting.Orchestrator;
using Winyx.Hosting.Tests.Infrastructure;

namespace Winyx.Hosting.Tests;

/// <summary>The scrape configuration comes from the model: every metrics endpoint is a target with job and service labels.</summary>
public sealed class PrometheusConfigWriterTests
{
    [Fact]
    public void EveryResourceWithMetricsIsATargetWithItsJobAndServiceLabel()
    {
        var (builder, _, _) = TestApps.CreateFake();
        var mysql = builder.AddMySql("mysql");
        var redis = builder.AddRedis("redis");
        var alertmanager = builder.AddAlertmanager("alertmanager");
        var prometheus = builder.AddPrometheus("prometheus").WithAlertmanager(alertmanager);
        builder.AddNodeExporter("node-exporter");
        builder.AddMySqlExporter("mysql-exporter", mysql);
        builder.AddRedisExporter("redis-exporter", redis);
        builder.AddProject("userrpc", TestApps.FakeProject("UserRpc")).WithHttpEndpoint(name: "management", env: "Management__Port").WithMetricsEndpoint(endpointName: "management");
        builder.AddProject("api", TestApps.FakeProject("Api")).WithReplicas(2);
        EndpointAllocator.Allocate(builder.Resources, isolated: true);

        var model = PrometheusConfigWriter.CreateModel(prometheus.Resource, builder.Resources, builder.ExecutionContext, []);

        var jobs = model.Targets.GroupBy(t => t.Job).ToDictionary(g => g.Key, g => g.ToArray());
        Assert.Equal(["alertmanager", "api", "mysql", "node", "prometheus", "redis", "userrpc"], jobs.Keys.Order());
        Assert.Equal("node-exporter", jobs["node"].Single().Labels["service"]);
        Assert.Equal("mysql-exporter", jobs["mysql"].Single().Labels["service"]);
        Assert.Equal(2, jobs["api"].Length);
        Assert.Equal(builder.Resources.Single(r => r.Name == "userrpc").FindEndpoint("management")!.Allocated[0].Address, jobs["userrpc"].Single().Address);
        Assert.Equal("winyx-monitor", model.ExternalLabels["monitor"]);
        Assert.Equal("test", model.ExternalLabels["environment"]);
        Assert.Single(model.Alertmanagers);
    }

    [Fact]
    public void TimeScaleShortensTheScrapeInterval()
    {
        var (builder, _, _) = TestApps.CreateFake("--isolated", "--time-scale", "15");
        var prometheus = builder.AddPrometheus("prometheus");
        EndpointAllocator.Allocate(builder.Resources, isolated: true);

        var model = PrometheusConfigWriter.CreateModel(prometheus.Resource, builder.Resources, builder.ExecutionContext, []);

        Assert.Equal(TimeSpan.FromSeconds(1), model.ScrapeInterval);
    }
}
