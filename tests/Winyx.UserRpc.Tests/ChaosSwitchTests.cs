using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Grpc.Core;
using Winyx.Contracts.Users.V1;
using Winyx.UserRpc.Tests.Infrastructure;
using Xunit;

namespace Winyx.UserRpc.Tests;

/// <summary>The chaos switch (<c>/admin/chaos</c>) injects the configured failures and latency per gRPC method.</summary>
[Collection(UserRpcCollection.Name)]
public sealed class ChaosSwitchTests(UserRpcFixture fixture) : IAsyncLifetime
{
    private UserRpcService Service => fixture.Service;

    [Fact]
    public async Task AdminApiRejectsAMissingOrWrongKey()
    {
        using var missing = await Service.Management.GetAsync(new Uri("/admin/chaos", UriKind.Relative));
        using var wrong = await SendAsync(HttpMethod.Put, new { errorRatio = 1.0 }, key: "wrong");

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        await Service.Users.ListUsersAsync(new ListUsersRequest { Page = 1, Size = 1 }); // still no chaos
    }

    [Fact]
    public async Task ErrorRatioOneFailsEveryCallOfTheChosenMethodOnly()
    {
        var user = await Service.Users.RegisterAsync();
        using var put = await SendAsync(HttpMethod.Put, new { errorRatio = 1.0, latencyMs = 0, routes = new[] { "GetUser" } });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        for (var i = 0; i < 3; i++)
        {
            await RpcAssert.FailsWithAsync(StatusCode.Internal, async () => await Service.Users.GetUserAsync(new GetUserRequest { Id = user.Id }));
        }

        await Service.Users.ListUsersAsync(new ListUsersRequest { Page = 1, Size = 1 });
        var shown = await GetSettingsAsync();
        Assert.Equal(1.0, shown!.ErrorRatio);
        Assert.Equal(["GetUser"], shown.Routes);
    }

    [Fact]
    public async Task ErrorRatioZeroWithUnavailableStatusInjectsNothing()
    {
        var user = await Service.Users.RegisterAsync();
        using var put = await SendAsync(HttpMethod.Put, new { errorRatio = 0.0, routes = Array.Empty<string>(), status = "Unavailable" });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        for (var i = 0; i < 5; i++)
        {
            await Service.Users.GetUserAsync(new GetUserRequest { Id = user.Id });
        }
    }

    [Fact]
    public async Task ChosenStatusAndFullMethodNamesAreHonoured()
    {
        using var put = await SendAsync(HttpMethod.Put, new { errorRatio = 1.0, routes = new[] { "/winyx.user.v1.UserService/ListUsers" }, status = "Unavailable" });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        await RpcAssert.FailsWithAsync(StatusCode.Unavailable, async () => await Service.Users.ListUsersAsync(new ListUsersRequest { Page = 1, Size = 1 }));
    }

    [Fact]
    public async Task LatencyIsAddedBeforeTheChosenMethodAndGoneAfterDelete()
    {
        using var put = await SendAsync(HttpMethod.Put, new { errorRatio = 0.0, latencyMs = 300, routes = new[] { "ListUsers" } });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        // A lower bound only: the injected delay must be there; how fast the rest runs is not asserted.
        var stopwatch = Stopwatch.StartNew();
        await Service.Users.ListUsersAsync(new ListUsersRequest { Page = 1, Size = 1 });
        Assert.True(stopwatch.Elapsed >= TimeSpan.FromMilliseconds(290), $"the call took {stopwatch.Elapsed}");

        using var delete = await SendAsync(HttpMethod.Delete, null);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        var shown = await GetSettingsAsync();
        Assert.Equal(0, shown!.LatencyMs);
    }

    [Fact]
    public async Task InvalidSettingsAreRejectedNamingEachField()
    {
        using var response = await SendAsync(HttpMethod.Put, new { errorRatio = 2.0, latencyMs = -1, status = "Cancelled" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<Problem>();
        Assert.Equal(["errorRatio", "latencyMs", "status"], problem!.Errors.Keys.Order());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // Chaos must never leak into the next test of the shared service.
    public async Task DisposeAsync()
    {
        using var response = await SendAsync(HttpMethod.Delete, null);
        response.EnsureSuccessStatusCode();
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, object? body, string? key = null)
    {
        using var request = new HttpRequestMessage(method, new Uri("/admin/chaos", UriKind.Relative));
        request.Headers.Add("X-Chaos-Key", key ?? Service.ChaosKey);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await Service.Management.SendAsync(request);
    }

    private async Task<Settings?> GetSettingsAsync()
    {
        using var response = await SendAsync(HttpMethod.Get, null);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<Settings>();
    }

    private sealed record Settings(double ErrorRatio, int LatencyMs, string[] Routes, string? Status);

    private sealed record Problem(Dictionary<string, string[]> Errors);
}
