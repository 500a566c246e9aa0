using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Winyx.Testing;
using Winyx.Testing.Metrics;
using Xunit;

namespace Winyx.Api.Tests.Infrastructure;

/// <summary>
/// Real MariaDB, real Redis, a real Winyx.UserRpc process and a real Winyx.Api process wired the way
/// the AppHost wires them (<c>ConnectionStrings__*</c>, <c>services__userrpc__http__0</c>), with
/// chaos enabled and small login limits so the limit tests stay short.
/// </summary>
public sealed class ApiFixture : IAsyncLifetime
{
    /// <summary>Failed logins an account may make before it is refused (the API's default is 5).</summary>
    public const int AccountFailureLimit = 3;

    /// <summary>Login attempts one client IP may make (the API's default is 20 per minute).</summary>
    public const int IpPermitLimit = 6;

    private ServiceProcess? _userRpc;
    private ServiceProcess? _api;
    private readonly string _jwtSigningKey = TestSecrets.NewPassword() + TestSecrets.NewPassword();

    /// <summary>UserRpc's database.</summary>
    public MariaDbFixture Database { get; } = new();

    /// <summary>The API's cache.</summary>
    public RedisFixture Redis { get; } = new();

    /// <summary>The key that makes the API trust <c>X-Forwarded-For</c> (the Web's, in the fleet).</summary>
    public string ForwardedForKey { get; } = TestSecrets.NewPassword();

    /// <summary>The chaos admin key.</summary>
    public string ChaosKey { get; } = TestSecrets.NewPassword();

    /// <summary>The running UserRpc.</summary>
    public ServiceProcess UserRpc => _userRpc ?? throw new InvalidOperationException("The fixture is not initialised.");

    /// <summary>The running API.</summary>
    public ServiceProcess Api => _api ?? throw new InvalidOperationException("The fixture is not initialised.");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        await Task.WhenAll(Database.InitializeAsync(), Redis.InitializeAsync());
        _userRpc = await ServiceProcess.StartProjectAsync("Winyx.UserRpc", new Dictionary<string, string?>
        {
            ["ConnectionStrings__userdb"] = Database.ConnectionString,
            ["Chaos__Enabled"] = "true",
            ["Chaos__Key"] = ChaosKey,
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = null,
        });
        _api = await StartApiAsync();

        // /alive answers before UserRpc has migrated its schema; the API's health says when it serves.
        await WaitForHealthAsync("userrpc", "Healthy");
    }

    /// <summary>
    /// Starts an API process wired like the fixture's (same Redis, UserRpc and settings): a second
    /// replica, with a memory cache of its own, for the tests that need two.
    /// </summary>
    public Task<ServiceProcess> StartApiAsync() =>
        ServiceProcess.StartProjectAsync("Winyx.Api", new Dictionary<string, string?>
        {
            ["ConnectionStrings__redis"] = Redis.ConnectionString,
            ["services__userrpc__http__0"] = UserRpc.BaseAddress.ToString().TrimEnd('/'),
            ["Jwt__SigningKey"] = _jwtSigningKey,
            ["Chaos__Enabled"] = "true",
            ["Chaos__Key"] = ChaosKey,
            ["ForwardedFor__Key"] = ForwardedForKey,
            ["RateLimiting__Login__PerIpPermitLimit"] = IpPermitLimit.ToString(CultureInfo.InvariantCulture),
            // An hour-long window never rolls over during a run, so the limit tests are deterministic.
            ["RateLimiting__Login__PerIpWindow"] = "01:00:00",
            ["RateLimiting__Login__PerAccountFailureLimit"] = AccountFailureLimit.ToString(CultureInfo.InvariantCulture),
            ["ActiveUsers__CountCacheDuration"] = "00:00:00",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = null,
        });

    /// <summary>A client with a source address of its own (so per-IP limits never cross tests).</summary>
    public ApiClient CreateClient() => new(Api.BaseAddress);

    /// <summary>The status <c>/health</c> reports for <paramref name="check"/>, or null when absent.</summary>
    public async Task<string?> HealthStatusAsync(string check)
    {
        using var client = CreateClient();
        using var response = await client.Http.GetAsync(new Uri("/health", UriKind.Relative));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("checks").TryGetProperty(check, out var entry)
            ? entry.GetProperty("status").GetString()
            : null;
    }

    /// <summary>Waits until <c>/health</c> reports <paramref name="status"/> for <paramref name="check"/>.</summary>
    public Task WaitForHealthAsync(string check, string status) =>
        Poll.UntilAsync(async () => await HealthStatusAsync(check) == status, TimeSpan.FromSeconds(45),
            $"/health never reported {check} {status}");

    /// <summary>Turns the API's chaos on with <paramref name="settings"/> (the admin contract's JSON).</summary>
    public Task SetChaosAsync(object settings) => SendChaosAsync(Api, HttpMethod.Put, settings);

    /// <summary>Turns the API's chaos off.</summary>
    public Task ClearChaosAsync() => SendChaosAsync(Api, HttpMethod.Delete, null);

    /// <summary>Turns UserRpc's chaos on (routes are gRPC method names) or, with null, off.</summary>
    public Task SetUserRpcChaosAsync(object? settings) =>
        SendChaosAsync(UserRpc, settings is null ? HttpMethod.Delete : HttpMethod.Put, settings);

    /// <summary>
    /// A scrape of UserRpc's <c>/metrics</c> that reflects every earlier call, fenced by a request for a path
    /// UserRpc does not serve (<c>http_requests_total{endpoint="unmatched",status="404"}</c>: no call, no query).
    /// </summary>
    public async Task<PrometheusText> FreshUserRpcScrapeAsync()
    {
        using var client = UserRpc.CreateHttpClient();
        return await MetricsScrape.FreshAsync(
            client,
            async () => (await client.GetAsync(new Uri("/fence", UriKind.Relative))).Dispose(),
            "http_requests_total",
            [("endpoint", "unmatched"), ("status", "404")]);
    }

    // The same admin contract in every service; a service's own client speaks its HTTP version (h2c for UserRpc).
    private async Task SendChaosAsync(ServiceProcess service, HttpMethod method, object? settings)
    {
        using var client = service.CreateHttpClient();
        using var request = new HttpRequestMessage(method, "/admin/chaos")
        {
            Content = settings is null ? null : JsonContent.Create(settings),
            Version = client.DefaultRequestVersion,
            VersionPolicy = client.DefaultVersionPolicy,
        };
        request.Headers.Add("X-Chaos-Key", ChaosKey);
        using var response = await client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode,
            $"{method} {service.BaseAddress}admin/chaos answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }

        if (_userRpc is not null)
        {
            await _userRpc.DisposeAsync();
        }

        await Redis.DisposeAsync();
        await Database.DisposeAsync();
    }
}
