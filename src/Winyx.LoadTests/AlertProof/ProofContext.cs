using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Winyx.Hosting.Monitoring;
using Winyx.LoadTests.AlertProof.Fleet;
using Winyx.LoadTests.AlertProof.Observation;
using Winyx.LoadTests.Runner;

namespace Winyx.LoadTests.AlertProof;

/// <summary>
/// What a fault and a case run with: the fleet, the monitoring APIs, the alert watcher, and a signed-in
/// proof user whose token the load scenarios carry.
/// </summary>
public sealed class ProofContext : IDisposable
{
    private ProofContext(IProofFleet fleet, MonitoringApis apis, AlertWatcher watcher, TextWriter progress)
    {
        Fleet = fleet;
        Apis = apis;
        Watcher = watcher;
        Progress = progress;
        Scale = new MonitoringTimeScale(fleet.TimeScale);
        Api = fleet.Endpoint("api");
        Web = fleet.Endpoint("web");
    }

    /// <summary>The fleet.</summary>
    public IProofFleet Fleet { get; }

    /// <summary>Prometheus, Alertmanager and Winyx.Alerts.</summary>
    public MonitoringApis Apis { get; }

    /// <summary>The alert watcher, polling for the whole proof.</summary>
    public AlertWatcher Watcher { get; }

    /// <summary>The proof's own reading of the host's CPU.</summary>
    public HostCpuSampler Cpu { get; } = new();

    /// <summary>Tells a HighCPUUsage the host really earned from a false one.</summary>
    public HostLoadJudge HostLoad => new(Cpu, Scale.CompressDuration(TimeSpan.FromMinutes(5)));

    /// <summary>Where progress lines go.</summary>
    public TextWriter Progress { get; }

    /// <summary>The fleet's monitoring timings.</summary>
    public MonitoringTimeScale Scale { get; }

    /// <summary>The Api's base address.</summary>
    public Uri Api { get; }

    /// <summary>The Web's base address.</summary>
    public Uri Web { get; }

    /// <summary>A client for set-up calls (not for load).</summary>
    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>The proof user's bearer token.</summary>
    public string Token { get; private set; } = string.Empty;

    /// <summary>The proof user's id, the target of cached reads.</summary>
    public long UserId { get; private set; }

    /// <summary>The case running now; load results are filed under it.</summary>
    public string CurrentCase { get; set; } = "setup";

    /// <summary>Every load run so far, by the case it ran in.</summary>
    public ConcurrentQueue<(string Case, RunResult Result)> LoadResults { get; } = new();

    /// <summary>A unique suffix for this run's e-mail addresses.</summary>
    public string RunId { get; } = Guid.NewGuid().ToString("N")[..8];

    /// <summary>Connects to the fleet's monitoring, starts watching alerts and signs the proof user in.</summary>
    public static async Task<ProofContext> CreateAsync(IProofFleet fleet, TextWriter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        var apis = new MonitoringApis(fleet.Endpoint("prometheus"), fleet.Endpoint("alertmanager"), fleet.Endpoint("alerts"));
        var context = new ProofContext(fleet, apis, new AlertWatcher(apis), progress);
        await context.SignInAsync(cancellationToken).ConfigureAwait(false);
        return context;
    }

    /// <summary>A request to the Api with the proof user's token.</summary>
    public HttpRequestMessage ApiRequest(HttpMethod method, string pathAndQuery)
    {
        var request = new HttpRequestMessage(method, new Uri(Api, pathAndQuery));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return request;
    }

    /// <summary>Writes a progress line with the time of day.</summary>
    public void Log(string line) =>
        Progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{DateTimeOffset.Now:HH:mm:ss}] {line}"));

    /// <inheritdoc />
    public void Dispose()
    {
        Http.Dispose();
        Apis.Dispose();
    }

    private async Task SignInAsync(CancellationToken cancellationToken)
    {
        var email = $"alert-proof-{RunId}@winyx.test";
        const string password = "Proof-Passw0rd!";
        // Healthy resources do not mean warm paths: the Api's channel to UserRpc may still be backing off.
        using var register = await UntilAnsweredAsync(() => Http.PostAsJsonAsync(new Uri(Api, "/api/users/register"), new { name = "Alert Proof", email, password }, cancellationToken), cancellationToken).ConfigureAwait(false);
        await HttpAnswers.EnsureSuccessAsync(register, "registering the proof user", cancellationToken).ConfigureAwait(false);
        using (var user = JsonDocument.Parse(await register.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)))
        {
            UserId = user.RootElement.GetProperty("id").GetInt64();
        }

        using var login = await UntilAnsweredAsync(() => Http.PostAsJsonAsync(new Uri(Api, "/api/users/login"), new { email, password }, cancellationToken), cancellationToken).ConfigureAwait(false);
        await HttpAnswers.EnsureSuccessAsync(login, "signing the proof user in", cancellationToken).ConfigureAwait(false);
        using var token = JsonDocument.Parse(await login.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        Token = token.RootElement.GetProperty("token").GetString() ?? throw new InvalidOperationException("The login answer has no token.");
    }

    // Sends until the answer is not a 503, for at most a minute; the last answer is returned either way.
    private static async Task<HttpResponseMessage> UntilAnsweredAsync(Func<Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromMinutes(1);
        while (true)
        {
            var response = await send().ConfigureAwait(false);
            if (response.StatusCode != System.Net.HttpStatusCode.ServiceUnavailable || DateTimeOffset.UtcNow >= deadline)
            {
                return response;
            }

            response.Dispose();
            await Task.Delay(AlertProofTiming.PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }
}
