using Winyx.Hosting.Monitoring;

namespace Winyx.Hosting.Tests;

public sealed class MetricsEndpointTests
{
    [Fact]
    public void WithMetricsEndpointDefaultsTheJobToTheResourceName()
    {
        using var model = TestModel.Create();

        var api = model.Builder.AddExecutable("api", "true", ".").WithHttpEndpoint(port: 18888, name: "http", isProxied: false).WithMetricsEndpoint();

        Assert.Equal(new MetricsEndpointAnnotation("api", "http", "/metrics"), Assert.Single(api.Resource.Annotations.OfType<MetricsEndpointAnnotation>()));
    }

    [Fact]
    public void WithMetricsEndpointReplacesAnEarlierOne()
    {
        using var model = TestModel.Create();
        var userrpc = model.Builder.AddExecutable("userrpc", "true", ".")
            .WithHttpEndpoint(port: 18889, name: "http", isProxied: false)
            .WithHttpEndpoint(port: 18890, name: "management", isProxied: false)
            .WithMetricsEndpoint();

        userrpc.WithMetricsEndpoint("rpc", endpointName: "management", path: "/prometheus");

        Assert.Equal(new MetricsEndpointAnnotation("rpc", "management", "/prometheus"), Assert.Single(userrpc.Resource.Annotations.OfType<MetricsEndpointAnnotation>()));
    }

    [Fact]
    public void WithMetricsEndpointRejectsAnEmptyPath()
    {
        using var model = TestModel.Create();
        var api = model.Builder.AddExecutable("api", "true", ".").WithHttpEndpoint(port: 18888, name: "http", isProxied: false);

        Assert.Throws<ArgumentException>(() => api.WithMetricsEndpoint(path: " "));
        Assert.Empty(api.Resource.Annotations.OfType<MetricsEndpointAnnotation>());
    }
}
