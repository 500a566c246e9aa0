using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Winyx.Testing;
using Winyx.Testing.Monitoring;
using Xunit.Abstractions;

namespace Winyx.AppHost.Tests;

/// <summary>
/// End to end: the AppHost's full model, isolated, comes up healthy; a user registers and logs in
/// through the Api; Prometheus scrapes every target; MySQL stopped and started through the control
/// API takes the Api down and back without losing data.
/// </summary>
public sealed class FleetTests(FleetFixture fleet, ITestOutputHelper output) : IClassFixture<FleetFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private static readonly string[] MaybeMissing = ["grafana", "jaeger"];
    private static readonly string[] ScrapeJobs = ["alertmanager", "api", "mysql", "node", "prometheus", "redis", "userrpc", "web"];

    private DistributedApplication App => fleet.App;

    [Fact]
    public async Task EveryResourceIsRunningAndHealthyExceptGrafanaAndJaegerWhichMayBeMissing()
    {
        output.WriteLine($"fleet settled {fleet.TimeToSettled.TotalSeconds:0.0} s after start");
        using var control = App.CreateControlApiClient();

        var resources = await control.GetFromJsonAsync<JsonElement[]>(new Uri("/api/resources", UriKind.Relative));

        var byName = resources!.ToDictionary(r => r.GetProperty("name").GetString()!, r => r);
        string[] expected = ["api", "userrpc", "web", "mysql", "userdb", "redis", "prometheus", "alertmanager", "grafana", "jaeger", "node-exporter", "mysql-exporter", "redis-exporter", "backup"];
        Assert.Equal(expected.Order(), byName.Keys.Order());
        foreach (var (name, resource) in byName)
        {
            var state = resource.GetProperty("state").GetString();
            var health = resource.GetProperty("health").GetString();
            if (MaybeMissing.Contains(name) && state == "Missing")
            {
                Assert.Contains("docker or podman", resource.GetProperty("message").GetString(), StringComparison.Ordinal);
                continue;
            }

            Assert.True(state == "Running" && health == "Healthy", $"{name} is {state}/{health}: {resource.GetProperty("message")}");
        }
    }

    [Fact]
    public async Task PrometheusScrapesEveryTargetWithItsJobAndServiceLabel()
    {
        using var prometheus = App.CreateHttpClient("prometheus");

        var targets = await Poll.ForValueAsync(async () =>
        {
            var body = await prometheus.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/targets?state=active", UriKind.Relative));
            var active = body.GetProperty("data").GetProperty("activeTargets").EnumerateArray().ToArray();
            return active.Length >= ScrapeJobs.Length && active.All(t => t.GetProperty("health").GetString() == "up") ? active : null;
        }, Deadline, "Prometheus did not report every target up");

        Assert.Equal(ScrapeJobs, targets.Select(t => t.GetProperty("labels").GetProperty("job").GetString()!).Distinct().Order());
        Assert.All(targets, t => Assert.False(string.IsNullOrEmpty(t.GetProperty("labels").GetProperty("service").GetString())));
    }

    [Fact]
    public async Task PrometheusShowsTheDatabaseBackupThroughTheNodeExporterWithoutBackupAlerts()
    {
        using var prometheus = App.CreateHttpClient("prometheus");

        var backups = await Poll.ForValueAsync(async () =>
        {
            var series = await QueryAsync(prometheus, "backup_last_success_timestamp_seconds{job=\"node\",type=\"database\"}");
            return series.Length > 0 ? series : null;
        }, Deadline, "Prometheus did not scrape the backup metrics from the node exporter");

        output.WriteLine($"backup size: {(await QueryAsync(prometheus, "backup_size_bytes"))[0].GetProperty("value")[1]} bytes");
        var lastSuccess = double.Parse(backups[0].GetProperty("value")[1].GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(lastSuccess, DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeSeconds());
        Assert.Empty(await QueryAsync(prometheus, "ALERTS{alertname=~\"Backup.*\"}"));
    }

    [Fact]
    public async Task MySqlServesTheDatabaseInUtf8mb4ThroughTheInjectedConnectionString()
    {
        var connectionString = await App.GetConnectionStringAsync("userdb");
        await using var connection = new MySqlConnector.MySqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new MySqlConnector.MySqlCommand("SELECT DATABASE(), @@character_set_database", connection);
        await using var reader = await command.ExecuteReaderAsync();

        Assert.True(await reader.ReadAsync());
        Assert.Equal("userdb", reader.GetString(0));
        Assert.Equal("utf8mb4", reader.GetString(1));
    }

    [Fact]
    public async Task PrometheusLoadsTheRepositoryRulesWithoutEvaluationErrors()
    {
        using var prometheus = App.CreateHttpClient("prometheus");

        var body = await prometheus.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/rules", UriKind.Relative));

        var rules = body.GetProperty("data").GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("rules").EnumerateArray()).ToArray();
        Assert.NotEmpty(rules);
        Assert.Contains(rules, r => r.GetProperty("name").GetString() == "APIServiceDown");
        var broken = rules.Where(r => r.GetProperty("health").GetString() == "err")
            .Select(r => $"{r.GetProperty("name")}: {(r.TryGetProperty("lastError", out var error) ? error.GetString() : "?")}");
        Assert.Empty(broken);
    }

    [Fact]
    public async Task EveryDashboardQueryReturnsDataAfterAShortLoad()
    {
        using var api = App.CreateHttpClient("api");
        using var web = App.CreateHttpClient("web");
        using var prometheus = App.CreateHttpClient("prometheus");
        await ShortLoadAsync(api, web);

        await DashboardQueryCheck.AssertEveryQueryReturnsDataAsync(prometheus, TimeSpan.FromSeconds(120));
    }

    [Fact]
    public async Task StoppingMySqlTakesTheApiDownAndStartingItRecoversWithoutLosingData()
    {
        using var api = App.CreateHttpClient("api");
        using var control = App.CreateControlApiClient();
        var email = $"user-{Guid.NewGuid():N}@example.com";
        var userId = await RegisterAndLogInAsync(api, email);

        using (var stop = await control.PostAsync(new Uri("/api/resources/mysql/stop", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.OK, stop.StatusCode);
        }

        await Poll.UntilAsync(async () => await HealthAsync(api) == HttpStatusCode.ServiceUnavailable, Deadline, "the Api stayed healthy without MySQL");

        using (var start = await control.PostAsync(new Uri("/api/resources/mysql/start", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        }

        await Poll.UntilAsync(async () => await HealthAsync(api) == HttpStatusCode.OK, Deadline, "the Api did not recover after MySQL came back");
        var token = await LogInAsync(api, email);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/users/me", UriKind.Relative));
        request.Headers.Authorization = new("Bearer", token);
        using var me = await api.SendAsync(request);
        var profile = await me.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(userId, profile.GetProperty("id").GetInt64());
        Assert.Equal(email, profile.GetProperty("email").GetString());
    }

    /// <summary>Traffic that touches every service metric a dashboard shows: registrations, logins (good and bad), cached reads, lists, pages.</summary>
    private static async Task ShortLoadAsync(HttpClient api, HttpClient web)
    {
        var email = $"load-{Guid.NewGuid():N}@example.com";
        var userId = await RegisterAndLogInAsync(api, email);
        using (var wrong = await api.PostAsJsonAsync(new Uri("/api/users/login", UriKind.Relative), new { email, password = "Wrong-Password-1" }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        for (var i = 0; i < 10; i++)
        {
            using var user = await api.GetAsync(new Uri($"/api/users/{userId}", UriKind.Relative));
            using var list = await api.GetAsync(new Uri("/api/users?page=1&size=5", UriKind.Relative));
            using var home = await web.GetAsync(new Uri("/", UriKind.Relative));
            using var users = await web.GetAsync(new Uri("/users", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, user.StatusCode);
            Assert.Equal(HttpStatusCode.OK, users.StatusCode);
        }
    }

    private static async Task<long> RegisterAndLogInAsync(HttpClient api, string email)
    {
        using var register = await api.PostAsJsonAsync(new Uri("/api/users/register", UriKind.Relative), new { name = "Fleet Test", email, password = Password });
        Assert.Equal(HttpStatusCode.Created, register.StatusCode);
        var user = await register.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrEmpty(await LogInAsync(api, email)));
        return user.GetProperty("id").GetInt64();
    }

    private static async Task<string> LogInAsync(HttpClient api, string email)
    {
        using var login = await api.PostAsJsonAsync(new Uri("/api/users/login", UriKind.Relative), new { email, password = Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        return (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    private static async Task<JsonElement[]> QueryAsync(HttpClient prometheus, string query)
    {
        var body = await prometheus.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/query?query={Uri.EscapeDataString(query)}", UriKind.Relative));
        return body.GetProperty("data").GetProperty("result").EnumerateArray().ToArray();
    }

    private static async Task<HttpStatusCode> HealthAsync(HttpClient api)
    {
        using var response = await api.GetAsync(new Uri("/health", UriKind.Relative));
        return response.StatusCode;
    }

    private const string Password = "Correct-Horse-42";
}
