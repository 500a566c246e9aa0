using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Winyx.Testing;
using Winyx.Testing.Monitoring;
using Xunit.Abstractions;

namespace Winyx.AppHost.Tests;

/// <summary>
/// End to end on Aspire.Hosting.Testing: the real AppHost's model, isolated, comes up healthy; a
/// user registers and logs in through the Api; Prometheus scrapes every target; MySQL or UserRpc
/// stopped through Aspire's resource commands makes the Api answer 503, and started again recovers
/// without losing data.
/// </summary>
public sealed partial class FleetTests(FleetFixture fleet, ITestOutputHelper output) : IClassFixture<FleetFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private static readonly string[] ScrapeJobs = ["alertmanager", "alerts", "api", "backup", "mysql", "node", "prometheus", "redis", "userrpc", "web"];

    private DistributedApplication App => fleet.App;

    [Fact]
    public void EveryRequiredResourceIsRunningAndHealthy()
    {
        output.WriteLine($"fleet healthy {fleet.TimeToHealthy.TotalSeconds:0.0} s after start");

        var unhealthy = FleetFixture.Required.Where(name => !fleet.IsHealthy(name))
            .Select(name => $"{name}: {fleet.Snapshot(name).State?.Text}/{fleet.Snapshot(name).HealthStatus}");

        Assert.Empty(unhealthy);
    }

    [Fact]
    public void GrafanaAndJaegerAreInTheModelOnlyWhereAContainerEngineAnswers()
    {
        var names = App.Services.GetRequiredService<DistributedApplicationModel>().Resources.Select(r => r.Name).ToHashSet();

        var expected = Winyx.Hosting.Containers.ContainerRuntime.IsAvailable();
        Assert.Equal(expected, names.Contains("grafana"));
        Assert.Equal(expected, names.Contains("jaeger"));
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

        var lastSuccess = double.Parse(backups[0].GetProperty("value")[1].GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(lastSuccess, DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeSeconds());
        Assert.Empty(await QueryAsync(prometheus, "ALERTS{alertname=~\"Backup.*\"}"));
    }

    [Fact]
    public async Task BackUpNowCommandWritesANewBackup()
    {
        using var backup = App.CreateHttpClient("backup");
        var before = (await backup.GetFromJsonAsync<JsonElement[]>(new Uri("/api/backups", UriKind.Relative)))!.Length;

        await fleet.CommandAsync("backup", "backup-now");

        var after = await backup.GetFromJsonAsync<JsonElement[]>(new Uri("/api/backups", UriKind.Relative));
        Assert.True(after!.Length > before || after.Length == 7, $"no new backup: {before} before, {after.Length} after");
        Assert.EndsWith(".sql.gz", after[0].GetProperty("name").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChaosCommandsTurnTheApisFaultInjectionOnAndOff()
    {
        using var api = await SignedInApiClientAsync();
        try
        {
            await fleet.CommandAsync("api", "chaos-on");
            var failures = 0;
            for (var i = 0; i < 40; i++)
            {
                using var response = await api.GetAsync(new Uri("/api/users?page=1&size=1", UriKind.Relative));
                failures += (int)response.StatusCode >= 500 ? 1 : 0;
            }

            Assert.InRange(failures, 1, 39);
        }
        finally
        {
            await fleet.CommandAsync("api", "chaos-off");
        }

        using var healthy = await api.GetAsync(new Uri("/api/users?page=1&size=1", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
    }

    [Fact]
    public async Task AlertmanagerDeliversToWinyxAlertsWithTheGeneratedToken()
    {
        using var alertmanager = App.CreateHttpClient("alertmanager");
        using var alerts = App.CreateHttpClient("alerts");
        var name = $"UserFleetTestProbe{Guid.NewGuid():N}";
        var now = DateTimeOffset.UtcNow;
        object[] payload = [new { labels = new { alertname = name, severity = "warning", component = "business", service = "api" }, startsAt = now, endsAt = now.AddMinutes(5) }];
        using (var posted = await alertmanager.PostAsJsonAsync(new Uri("/api/v2/alerts", UriKind.Relative), payload))
        {
            Assert.True(posted.IsSuccessStatusCode, $"Alertmanager refused the alert: {(int)posted.StatusCode}");
        }

        var notifications = await Poll.ForValueAsync(async () =>
        {
            var found = await alerts.GetFromJsonAsync<JsonElement[]>(new Uri($"/api/notifications?alertname={name}", UriKind.Relative));
            return found is { Length: > 0 } ? found : null;
        }, Deadline, $"{name} never reached Winyx.Alerts");

        Assert.Equal("business-team", notifications[0].GetProperty("receiver").GetString());
    }

    [Fact]
    public async Task OneRegistrationIsOneTraceThroughApiUserRpcAndTheMySqlInsertInTheDashboard()
    {
        using var api = App.CreateHttpClient("api");
        using var dashboard = fleet.CreateDashboardApiClient();
        var email = $"trace-{Guid.NewGuid():N}@example.com";
        using (var register = await api.PostAsJsonAsync(new Uri("/api/users/register", UriKind.Relative), new { name = "Trace Test", email, password = Password }))
        {
            Assert.Equal(HttpStatusCode.Created, register.StatusCode);
        }

        // Newest first: the register just made is among the api's latest traces.
        var spansByService = await Poll.ForValueAsync(async () =>
        {
            var traces = await dashboard.GetFromJsonAsync<JsonElement>(new Uri("/api/telemetry/traces?resource=api&limit=50", UriKind.Relative));
            foreach (var traceId in Spans(traces).Where(s => s.Span.GetProperty("name").GetString() == "POST api/users/register").Select(s => s.Span.GetProperty("traceId").GetString()).Distinct().Reverse())
            {
                var trace = await dashboard.GetFromJsonAsync<JsonElement>(new Uri($"/api/telemetry/traces/{traceId}", UriKind.Relative));
                var byService = Spans(trace).GroupBy(s => s.Service).ToDictionary(g => g.Key, g => g.Select(s => s.Span.GetProperty("name").GetString()!).ToList());
                if (byService.TryGetValue("userrpc", out var rpc) && rpc.Contains("INSERT users"))
                {
                    return byService;
                }
            }

            return null;
        }, Deadline, "the dashboard never held a register trace reaching the MySQL insert");

        Assert.Contains("POST api/users/register", spansByService["api"]);
        Assert.Contains("winyx.user.v1.UserService/Register", spansByService["api"]);
        Assert.Contains("POST /winyx.user.v1.UserService/Register", spansByService["userrpc"]);
    }

    [Fact]
    public async Task TheDashboardTelemetryApiRefusesACallerWithoutTheKey()
    {
        using var dashboard = fleet.CreateDashboardApiClient();
        dashboard.DefaultRequestHeaders.Remove("x-api-key");

        using var response = await dashboard.GetAsync(new Uri("/api/telemetry/traces", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task StoppingTheApiFiresAPIServiceDownToTheCriticalReceiverAndStartingItResolvesIt()
    {
        using var alerts = App.CreateHttpClient("alerts");
        var since = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var query = new Uri($"/api/notifications?alertname=APIServiceDown&since={since}", UriKind.Relative);

        await fleet.WhileStoppedAsync("api", async () =>
        {
            var firing = await Poll.ForValueAsync(async () =>
            {
                var found = await alerts.GetFromJsonAsync<JsonElement[]>(query);
                return found!.Where(n => n.GetProperty("status").GetString() == "firing").ToArray() is { Length: > 0 } f ? f : null;
            }, Deadline, "APIServiceDown never reached Winyx.Alerts while the api was stopped");

            // The routing tree (amtool config routes test): critical only; the default receiver never.
            Assert.Equal(["critical"], firing.Select(n => n.GetProperty("receiver").GetString()).Distinct());
            var alert = firing[0].GetProperty("alerts")[0];
            Assert.Equal("critical", alert.GetProperty("labels").GetProperty("severity").GetString());
            Assert.Equal("api", alert.GetProperty("labels").GetProperty("service").GetString());
        });

        await Poll.UntilAsync(async () =>
        {
            var found = await alerts.GetFromJsonAsync<JsonElement[]>(query);
            return found!.Any(n => n.GetProperty("status").GetString() == "resolved" && n.GetProperty("receiver").GetString() == "critical");
        }, Deadline, "APIServiceDown was never resolved after the api started again");
    }

    [Fact]
    public async Task ASecondIsolatedFleetRunsBesideThisOne()
    {
        await using var second = await AppHostProcessTests.StartAppHostAsync("--isolated");
        await AppHostProcessTests.WaitForFleetAsync(second);

        var apiLine = second.Output.Snapshot().Select(l => l.Text).First(l => l.StartsWith("api ", StringComparison.Ordinal));
        var secondApi = new Uri(System.Text.RegularExpressions.Regex.Match(apiLine, @"http://127\.0\.0\.1:\d+").Value);
        using var client = new HttpClient { BaseAddress = secondApi };
        using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.NotEqual(App.GetEndpoint("api", "http").Port, secondApi.Port);
        Assert.True(fleet.IsHealthy("api"), "this fleet's api lost its health when the second fleet started");
    }

    [Fact]
    public void MySqlWasProvisionedOnceOnItsFirstStart()
    {
        // Twice means two provisionings ran (the restart watcher took the first start for a restart):
        // they raced on root's password, and on a loaded box the loser failed the start (2026-12-03).
        Assert.Equal(1, fleet.ProvisioningsAtStart);
    }

    [Fact]
    public async Task MySqlServesTheDatabaseInUtf8mb4ThroughTheInjectedConnectionString()
    {
        var connectionString = await App.GetConnectionStringAsync("userdb");
        Assert.DoesNotContain("User ID=root", connectionString, StringComparison.Ordinal);
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
    public async Task EveryDashboardQueryReturnsDataUnderLoadWithAnInjectedFault()
    {
        using var api = await SignedInApiClientAsync();
        using var web = App.CreateHttpClient("web");
        using var prometheus = App.CreateHttpClient("prometheus");
        await ShortLoadAsync(api, web);

        // A healthy fleet fires no alert, so the alert panels would stay empty: half the Api's
        // requests fail until HighErrorRate fires, under traffic that runs until the panels fill.
        await fleet.CommandAsync("api", "chaos-on");
        using var traffic = new CancellationTokenSource();
        var load = KeepRequestingAsync(api, traffic.Token);
        try
        {
            await DashboardQueryCheck.AssertEveryQueryReturnsDataAsync(prometheus, TimeSpan.FromSeconds(120));
        }
        finally
        {
            await traffic.CancelAsync();
            await load;
            await fleet.CommandAsync("api", "chaos-off");
        }
    }

    [Fact]
    public async Task StoppingMySqlMakesTheApiAnswer503AndStartingItRecoversWithoutLosingData()
    {
        using var api = App.CreateHttpClient("api");
        var email = $"user-{Guid.NewGuid():N}@example.com";
        var userId = await RegisterAndLogInAsync(api, email);

        await fleet.WhileStoppedAsync("mysql", async () =>
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            using var refused = await api.PostAsJsonAsync(new Uri("/api/users/login", UriKind.Relative), new { email, password = Password });
            output.WriteLine($"login with MySQL stopped: {(int)refused.StatusCode} after {clock.ElapsedMilliseconds} ms");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        });

        await App.ResourceNotifications.WaitForResourceHealthyAsync("userdb").WaitAsync(Deadline);
        var token = await Poll.ForValueAsync(() => TryLogInAsync(api, email), Deadline, "the same user could not log in after MySQL came back");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/users/me", UriKind.Relative));
        request.Headers.Authorization = new("Bearer", token);
        using var me = await api.SendAsync(request);
        var profile = await me.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(userId, profile.GetProperty("id").GetInt64());
        Assert.Equal(email, profile.GetProperty("email").GetString());
    }

    [Fact]
    public async Task StoppingUserRpcMakesTheApiAnswer503AndStartingItRecovers()
    {
        using var api = App.CreateHttpClient("api");
        var email = $"rpc-{Guid.NewGuid():N}@example.com";
        await RegisterAndLogInAsync(api, email);

        await fleet.WhileStoppedAsync("userrpc", async () =>
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            using var refused = await api.PostAsJsonAsync(new Uri("/api/users/login", UriKind.Relative), new { email, password = Password });
            output.WriteLine($"login with UserRpc stopped: {(int)refused.StatusCode} after {clock.ElapsedMilliseconds} ms");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        });

        await App.ResourceNotifications.WaitForResourceHealthyAsync("userrpc").WaitAsync(Deadline);
        await Poll.UntilAsync(async () => !string.IsNullOrEmpty(await TryLogInAsync(api, email)), Deadline, "login did not recover after UserRpc came back");
    }

    // Ten requests a second at most, until cancelled: bounded by the caller's deadline.
    private static async Task KeepRequestingAsync(HttpClient api, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                using var response = await api.GetAsync(new Uri("/api/users?page=1&size=1", UriKind.Relative), cancellationToken);
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Traffic that touches every service metric a dashboard shows: registrations, logins (good and bad), cached reads, lists, pages.</summary>
    private async Task ShortLoadAsync(HttpClient api, HttpClient web)
    {
        var email = $"load-{Guid.NewGuid():N}@example.com";
        var userId = await RegisterAndLogInAsync(api, email);
        // The users page is for members: the Web's session cookie holds the Api's token.
        web.DefaultRequestHeaders.Add("Cookie", $"winyx_session={api.DefaultRequestHeaders.Authorization!.Parameter}");
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
            Assert.EndsWith("/users", users.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        }
    }

    // Registers and logs in; the token becomes the client's bearer token (reading users needs one).
    private async Task<long> RegisterAndLogInAsync(HttpClient api, string email, string password = Password)
    {
        using var register = await api.PostAsJsonAsync(new Uri("/api/users/register", UriKind.Relative), new { name = "Fleet Test", email, password });
        Assert.Equal(HttpStatusCode.Created, register.StatusCode);
        var user = await register.Content.ReadFromJsonAsync<JsonElement>();
        var token = await LogInAsync(api, email, password);
        api.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return user.GetProperty("id").GetInt64();
    }

    // A client of the Api signed in as a fresh user.
    private async Task<HttpClient> SignedInApiClientAsync()
    {
        var api = App.CreateHttpClient("api");
        await RegisterAndLogInAsync(api, $"signed-in-{Guid.NewGuid():N}@example.com");
        return api;
    }

    // Every token issued to a test is remembered: the secrets scan looks for it in the logs.
    private async Task<string?> TryLogInAsync(HttpClient api, string email, string password = Password)
    {
        using var login = await api.PostAsJsonAsync(new Uri("/api/users/login", UriKind.Relative), new { email, password });
        var token = login.StatusCode == HttpStatusCode.OK ? (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString() : null;
        if (token is not null)
        {
            fleet.Secrets.Add(token);
        }

        return token;
    }

    private async Task<string> LogInAsync(HttpClient api, string email, string password = Password) =>
        await TryLogInAsync(api, email, password) ?? throw new Xunit.Sdk.XunitException($"{email} could not log in");

    // OTLP JSON: resourceSpans[].resource.attributes[service.name], scopeSpans[].spans[].
    private static IEnumerable<(string Service, JsonElement Span)> Spans(JsonElement response) =>
        from resourceSpans in response.GetProperty("data").GetProperty("resourceSpans").EnumerateArray()
        let service = resourceSpans.GetProperty("resource").GetProperty("attributes").EnumerateArray()
            .Where(a => a.GetProperty("key").GetString() == "service.name")
            .Select(a => a.GetProperty("value").GetProperty("stringValue").GetString()!)
            .FirstOrDefault() ?? "?"
        from scopeSpans in resourceSpans.GetProperty("scopeSpans").EnumerateArray()
        from span in scopeSpans.GetProperty("spans").EnumerateArray()
        select (service, span);

    private static async Task<JsonElement[]> QueryAsync(HttpClient prometheus, string query)
    {
        var body = await prometheus.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/query?query={Uri.EscapeDataString(query)}", UriKind.Relative));
        return body.GetProperty("data").GetProperty("result").EnumerateArray().ToArray();
    }

    private const string Password = "Correct-Horse-42";
}
