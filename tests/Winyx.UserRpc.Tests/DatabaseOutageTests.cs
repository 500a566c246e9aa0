using System.Net;
using Grpc.Core;
using Winyx.Contracts.Users.V1;
using Winyx.Testing;
using Winyx.UserRpc.Tests.Infrastructure;
using Xunit;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Winyx.UserRpc.Tests;

/// <summary>
/// MySQL going away: UNAVAILABLE and NOT_SERVING while it is down, recovery without restarting
/// the service. Own MariaDB (it gets stopped) and service, configured as in production (no chaos).
/// </summary>
public sealed class DatabaseOutageTests(ChaosOffUserRpcFixture fixture) : IClassFixture<ChaosOffUserRpcFixture>
{
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(30);

    private MariaDbFixture Database => fixture.Database;

    [Fact]
    public async Task StoppedDatabaseGivesUnavailableAndNotServingThenRecoversWithoutRestart()
    {
        var service = fixture.Service;
        await service.WaitForHealthAsync(ServingStatus.Serving, Recovery); // after an earlier outage test
        var user = await service.Users.RegisterAsync();

        await Database.StopAsync();
        try
        {
            await RpcAssert.FailsWithAsync(StatusCode.Unavailable, async () => await service.Users.GetUserAsync(new GetUserRequest { Id = user.Id }));
            await RpcAssert.FailsWithAsync(StatusCode.Unavailable, async () => await service.Users.RegisterAsync());
            await service.WaitForHealthAsync(ServingStatus.NotServing);
        }
        finally
        {
            await Database.StartAsync();
        }

        // Once MySQL answers again, the very next call works: pooled connections to the old server
        // are replaced, not handed out broken.
        await service.WaitForHealthAsync(ServingStatus.Serving, Recovery);
        Assert.Equal(user, (await service.Users.GetUserAsync(new GetUserRequest { Id = user.Id })).User);
        Assert.False(service.Process.Process.HasExited);
    }

    [Fact]
    public async Task ARestartBetweenCallsIsInvisibleToTheCallsAfterIt()
    {
        var service = fixture.Service;
        await service.WaitForHealthAsync(ServingStatus.Serving, Recovery); // after an earlier outage test
        var user = await service.Users.RegisterAsync();
        // Concurrent reads leave several connections in the pool, each one dead once the server restarts.
        await ReadConcurrentlyAsync(service, user);

        await Database.StopAsync();
        await Database.StartAsync();
        await service.WaitForHealthAsync(ServingStatus.Serving, Recovery);

        // No call ran during the outage, so nothing had told the pool: the calls after it still all succeed.
        await ReadConcurrentlyAsync(service, user);
        Assert.True((await service.Users.RegisterAsync()).Id > user.Id);
    }

    private static async Task ReadConcurrentlyAsync(UserRpcService service, User user)
    {
        var reads = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ => (await service.Users.GetUserAsync(new GetUserRequest { Id = user.Id })).User));
        Assert.All(reads, read => Assert.Equal(user, read));
    }

    [Fact]
    public async Task ServiceStartedWhileDatabaseIsDownMigratesOnceItComesUp()
    {
        var connectionString = await Database.CreateDatabaseAsync();
        await Database.StopAsync();
        UserRpcService? service = null;
        try
        {
            service = await UserRpcService.StartAsync(connectionString);
            Assert.Equal(ServingStatus.NotServing, await service.HealthStatusAsync());
            await RpcAssert.FailsWithAsync(StatusCode.Unavailable, async () => await service.Users.RegisterAsync());
        }
        finally
        {
            await Database.StartAsync();
        }

        await using (service)
        {
            await service.WaitForHealthAsync(ServingStatus.Serving, Recovery);
            var user = await service.Users.RegisterAsync();
            Assert.True(user.Id > 0);
        }
    }

    [Fact]
    public async Task ChaosAdminApiDoesNotExistUnlessEnabled()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri("/admin/chaos", UriKind.Relative));
        request.Headers.Add("X-Chaos-Key", "anything");
        using var response = await fixture.Service.Management.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
