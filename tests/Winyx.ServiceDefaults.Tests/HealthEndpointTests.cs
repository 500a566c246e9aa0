using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Winyx.ServiceDefaults.Tests.Infrastructure;

namespace Winyx.ServiceDefaults.Tests;

public sealed class HealthEndpointTests(HealthEndpointTests.Fixture fixture) : IClassFixture<HealthEndpointTests.Fixture>
{
    [Fact]
    public async Task FailingDependencyMakesHealthAnswer503AndNamesIt()
    {
        fixture.Dependencies.Mysql = HealthCheckResult.Unhealthy("cannot reach userdb");
        fixture.Dependencies.Redis = HealthCheckResult.Healthy("ping 1 ms");

        var (status, report) = await GetAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", report.GetProperty("status").GetString());
        var mysql = report.GetProperty("checks").GetProperty("mysql");
        Assert.Equal("Unhealthy", mysql.GetProperty("status").GetString());
        Assert.Equal("cannot reach userdb", mysql.GetProperty("description").GetString());
        Assert.True(mysql.GetProperty("durationMs").GetDouble() >= 0);
        Assert.Equal("Healthy", report.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString());
    }

    [Fact]
    public async Task DegradedDependencyStillAnswers200()
    {
        fixture.Dependencies.Mysql = HealthCheckResult.Healthy();
        fixture.Dependencies.Redis = HealthCheckResult.Degraded("memory at 85% of maxmemory");

        var (status, report) = await GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Degraded", report.GetProperty("status").GetString());
        Assert.Equal("Degraded", report.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString());
    }

    [Fact]
    public async Task AliveIgnoresChecksNotTaggedLive()
    {
        fixture.Dependencies.Mysql = HealthCheckResult.Unhealthy("down");

        var (status, report) = await GetAsync("/alive");

        Assert.Equal(HttpStatusCode.OK, status);
        var checks = report.GetProperty("checks").EnumerateObject().Select(c => c.Name).ToList();
        Assert.Equal(["self"], checks);
    }

    [Fact]
    public async Task ThrowingCheckIsUnhealthyWithoutLeakingTheConnectionString()
    {
        fixture.Dependencies.Mysql = HealthCheckResult.Healthy();
        fixture.Dependencies.Redis = HealthCheckResult.Unhealthy(
            exception: new InvalidOperationException("connect failed: 127.0.0.1:6379,password=hunter2-secret"));

        var (status, report) = await GetAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        var redis = report.GetProperty("checks").GetProperty("redis");
        Assert.Equal("InvalidOperationException", redis.GetProperty("error").GetString());
        Assert.DoesNotContain("hunter2-secret", redis.GetRawText(), StringComparison.Ordinal);
    }

    private async Task<(HttpStatusCode Status, JsonElement Report)> GetAsync(string path)
    {
        var response = await fixture.Host.Client.GetAsync(path);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    /// <summary>Switchable results for the fake dependency checks.</summary>
    public sealed class DependencyStates
    {
        public HealthCheckResult Mysql { get; set; } = HealthCheckResult.Healthy();

        public HealthCheckResult Redis { get; set; } = HealthCheckResult.Healthy();
    }

    public sealed class Fixture : IAsyncLifetime
    {
        public DependencyStates Dependencies { get; } = new();

        public TestServiceHost Host { get; private set; } = null!;

        public async Task InitializeAsync() =>
            Host = await TestServiceHost.StartAsync(configure: builder =>
                builder.Services.AddHealthChecks()
                    .AddCheck("mysql", () => Dependencies.Mysql)
                    .AddCheck("redis", () => Dependencies.Redis));

        public async Task DisposeAsync() => await Host.DisposeAsync();
    }
}
