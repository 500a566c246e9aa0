using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Winyx.Api.Tests.Infrastructure;
using Xunit;

namespace Winyx.Api.Tests;

/// <summary>The fault-injection switch: key-guarded, route-targeted, and gone once cleared.</summary>
[Collection(ApiCollection.Name)]
public sealed class ChaosTests(ApiFixture fixture)
{
    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task TheAdminEndpointRefusesAMissingOrWrongKey(string? key)
    {
        using var client = fixture.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Put, "/admin/chaos") { Content = JsonContent.Create(new { errorRatio = 1.0 }) };
        if (key is not null)
        {
            request.Headers.Add("X-Chaos-Key", key);
        }

        using var response = await client.Http.SendAsync(request);

        await ProblemDto.ReadAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task InvalidSettingsAreRefusedNamingTheFields()
    {
        using var client = fixture.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Put, "/admin/chaos")
        {
            Content = JsonContent.Create(new { errorRatio = 1.5, latencyMs = -1 }),
        };
        request.Headers.Add("X-Chaos-Key", fixture.ChaosKey);

        using var response = await client.Http.SendAsync(request);

        await ProblemDto.ReadInvalidAsync(response, "errorRatio", "latencyMs");
    }

    [Fact]
    public async Task AnErrorRatioOfOneFailsEveryTargetedRequestUntilCleared()
    {
        using var client = fixture.CreateClient();
        var user = await client.SignUpAsync();
        var metrics = await MetricExpectation.Using(client)
            .Expect("http_requests_total", 4, ("endpoint", "/api/users/{id}"), ("status", "500"))
            .SnapshotAsync();

        await fixture.SetChaosAsync(new { errorRatio = 1.0, latencyMs = 0, routes = new[] { "/api/users/{id}" } });
        try
        {
            for (var i = 0; i < 4; i++)
            {
                using var faulted = await client.Http.GetAsync(new Uri($"/api/users/{user.Id}", UriKind.Relative));
                var problem = await ProblemDto.ReadAsync(faulted, HttpStatusCode.InternalServerError);
                Assert.Equal("Injected fault", problem.Title);
            }

            // Routes not named are untouched.
            using var list = await client.Http.GetAsync(new Uri("/api/users?page=1&size=1", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        }
        finally
        {
            await fixture.ClearChaosAsync();
        }

        using var healed = await client.Http.GetAsync(new Uri($"/api/users/{user.Id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, healed.StatusCode);
        await metrics.VerifyAsync();
    }

    [Fact]
    public async Task LatencyIsAddedBeforeTargetedRequestsAndClearingRemovesIt()
    {
        const int latencyMs = 700;
        using var client = fixture.CreateClient();
        await client.SignUpAsync();

        await fixture.SetChaosAsync(new { errorRatio = 0.0, latencyMs, routes = new[] { "/api/users/me" } });
        try
        {
            // A lower bound only: the injected delay is a floor the request cannot beat on any machine.
            var stopwatch = Stopwatch.StartNew();
            using var delayed = await client.Http.GetAsync(new Uri("/api/users/me", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, delayed.StatusCode);
            Assert.True(stopwatch.ElapsedMilliseconds >= latencyMs, $"answered after {stopwatch.ElapsedMilliseconds} ms");
        }
        finally
        {
            await fixture.ClearChaosAsync();
        }

        using var admin = new HttpRequestMessage(HttpMethod.Get, "/admin/chaos");
        admin.Headers.Add("X-Chaos-Key", fixture.ChaosKey);
        using var state = await client.Http.SendAsync(admin);
        var settings = await state.Content.ReadFromJsonAsync<ChaosSettingsDto>();
        Assert.Equal((0.0, 0, 0), (settings!.ErrorRatio, settings.LatencyMs, settings.Routes.Count));
    }

    private sealed record ChaosSettingsDto(double ErrorRatio, int LatencyMs, IReadOnlyList<string> Routes);
}
