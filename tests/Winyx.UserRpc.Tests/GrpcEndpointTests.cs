using System.Net;
using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;
using Winyx.UserRpc.Tests.Infrastructure;
using Xunit;

namespace Winyx.UserRpc.Tests;

/// <summary>What sits beside the user service: reflection, gRPC health, the HTTP/1.1 management port.</summary>
[Collection(UserRpcCollection.Name)]
public sealed class GrpcEndpointTests(UserRpcFixture fixture)
{
    private UserRpcService Service => fixture.Service;

    [Fact]
    public async Task ReflectionListsTheUserAndHealthServices()
    {
        var reflection = new ServerReflection.ServerReflectionClient(Service.Channel);
        using var call = reflection.ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));

        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Contains("winyx.user.v1.UserService", services);
        Assert.Contains("grpc.health.v1.Health", services);
    }

    [Fact]
    public async Task HealthReportsServingForTheServerAndTheUserService()
    {
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, await Service.HealthStatusAsync());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, await Service.HealthStatusAsync("winyx.user.v1.UserService"));
    }

    [Fact]
    public async Task ManagementPortServesHealthAndMetricsOverHttp11()
    {
        using var health = await Service.Management.GetAsync(new Uri("/health", UriKind.Relative));
        using var metrics = await Service.Management.GetAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpVersion.Version11, health.Version);
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.Contains("grpc_server_call_duration_seconds", await metrics.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
