using Winyx.Hosting.Alertmanager;
using Winyx.Hosting.Configuration;
using Winyx.Hosting.Monitoring;

namespace Winyx.Hosting.Tests;

public sealed class AddAlertmanagerTests
{
    [Fact]
    public void AddAlertmanagerAddsAnUnproxiedHttpEndpointOnTheGivenPort()
    {
        using var model = TestModel.Create();

        var alertmanager = model.Builder.AddAlertmanager("alertmanager", port: 19093);

        Assert.Equal("prometheus-alertmanager", alertmanager.Resource.Command);
        var endpoint = Assert.Single(alertmanager.Resource.Annotations.OfType<EndpointAnnotation>());
        Assert.Equal("http", endpoint.Name);
        Assert.Equal(19093, endpoint.Port);
        Assert.False(endpoint.IsProxied);
        Assert.Equal("alertmanager", Assert.Single(alertmanager.Resource.Annotations.OfType<MetricsEndpointAnnotation>()).Job);
        Assert.Single(alertmanager.Resource.Annotations.OfType<HealthCheckAnnotation>());
    }

    [Fact]
    public async Task AddAlertmanagerListensOnLoopbackWithoutAClusterPort()
    {
        using var model = TestModel.Create();
        var alertmanager = model.Builder.AddAlertmanager("alertmanager", port: 19093);
        TestModel.Allocate(alertmanager.Resource, "http", 19093);

        var args = await TestModel.ArgumentsAsync(alertmanager.Resource);

        var directory = Path.Combine(model.DataDirectory, "alertmanager");
        Assert.Contains($"--config.file={Path.Combine(directory, "alertmanager.yml")}", args);
        Assert.Contains($"--storage.path={Path.Combine(directory, "data")}", args);
        Assert.Contains("--web.listen-address=127.0.0.1:19093", args);
        Assert.Contains("--web.external-url=http://localhost:19093/", args);
        Assert.Equal("--cluster.listen-address=", Assert.Single(args, a => a.StartsWith("--cluster.listen-address", StringComparison.Ordinal)));
    }

    [Fact]
    public void WithConfigDirectoryRejectsADirectoryWithoutAlertmanagerYml()
    {
        using var model = TestModel.Create();
        var alertmanager = model.Builder.AddAlertmanager("alertmanager", port: 19093);
        var empty = Directory.CreateDirectory(Path.Combine(model.DataDirectory, "empty-config")).FullName;

        var ex = Assert.Throws<DistributedApplicationException>(() => alertmanager.WithConfigDirectory(empty));

        Assert.Contains(empty, ex.Message, StringComparison.Ordinal);
        Assert.Contains("alertmanager.yml", ex.Message, StringComparison.Ordinal);
        Assert.Null(alertmanager.Resource.ConfigDirectory);
    }

    [Fact]
    public void WithConfigDirectoryAcceptsADirectoryWithAlertmanagerYml()
    {
        using var model = TestModel.Create();
        var directory = Directory.CreateDirectory(Path.Combine(model.DataDirectory, "config")).FullName;
        File.WriteAllText(Path.Combine(directory, "alertmanager.yml"), "route:\n  receiver: default\n");

        var alertmanager = model.Builder.AddAlertmanager("alertmanager", port: 19093).WithConfigDirectory(directory);

        Assert.Equal(directory, alertmanager.Resource.ConfigDirectory);
    }

    [Fact]
    public async Task WithWebhookPointsAtTheTargetsHttpEndpointWithTheToken()
    {
        using var model = TestModel.Create();
        var alerts = model.Builder.AddExecutable("alerts", "true", ".").WithHttpEndpoint(port: 15005, name: "http", isProxied: false);
        var token = model.Builder.AddGeneratedSecret("alertmanager-webhook-token");

        var alertmanager = model.Builder.AddAlertmanager("alertmanager", port: 19093).WithWebhook(alerts, "/api/alertmanager/webhook", token);
        TestModel.Allocate(alerts.Resource, "http", 15005);

        var url = alertmanager.Resource.WebhookUrl;
        Assert.NotNull(url);
        Assert.Equal("{alerts.bindings.http.url}/api/alertmanager/webhook", url.ValueExpression);
        Assert.Equal("http://localhost:15005/api/alertmanager/webhook", await TestModel.ValueAsync(url));
        Assert.Same(token.Resource, alertmanager.Resource.WebhookToken);
        Assert.Contains(alertmanager.Resource.Annotations.OfType<ResourceRelationshipAnnotation>(), r => r.Resource == alerts.Resource && r.Type == "Webhook");
    }
}
