using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Winyx.Hosting.Executables;
using Winyx.Testing.Processes;
using Winyx.Testing;

namespace Winyx.Alerts.Tests.Infrastructure;

/// <summary>
/// The built Winyx.Alerts running as a real process on a chosen free port, with its own data
/// directory and webhook token; restartable on the same data directory.
/// </summary>
public sealed class AlertsApp : IAsyncDisposable
{
    private readonly Dictionary<string, string?> _environment;
    private ServiceProcess _process;

    private AlertsApp(int port, string dataDirectory, string token, Dictionary<string, string?> environment, ServiceProcess process)
    {
        Port = port;
        DataDirectory = dataDirectory;
        Token = token;
        _environment = environment;
        _process = process;
        Http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>The app's port.</summary>
    public int Port { get; }

    /// <summary>The app's address.</summary>
    public Uri BaseAddress => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/");

    /// <summary>The webhook's address.</summary>
    public Uri WebhookUrl => new(BaseAddress, "api/alertmanager/webhook");

    /// <summary>The app's data directory.</summary>
    public string DataDirectory { get; }

    /// <summary>The webhook token the app expects.</summary>
    public string Token { get; }

    /// <summary>A client for the app.</summary>
    public HttpClient Http { get; }

    /// <summary>The captured output, for failure messages.</summary>
    public string Logs => string.Join('\n', _process.LogLines.TakeLast(30));

    /// <summary>
    /// Starts the app on <paramref name="port"/> (a free one when null) with a fresh data directory and a
    /// new webhook token; <paramref name="environment"/> adds or overrides settings (Prometheus' address,
    /// the token itself).
    /// </summary>
    public static async Task<AlertsApp> StartAsync(IReadOnlyDictionary<string, string?>? environment = null, int? port = null)
    {
        var chosenPort = port ?? PortAllocator.GetFreePort();
        var dataDirectory = TestDirectories.Create("alerts-data");
        var token = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        var variables = new Dictionary<string, string?>
        {
            ["Alerts__DataDirectory"] = dataDirectory,
            ["Alerts__WebhookToken"] = token,
            ["Alerts__DashboardsDirectory"] = Path.Combine(RepoLayout.Root, "monitoring", "grafana", "dashboards"),
            ["Alerts__ScrapeInterval"] = "00:00:01",
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            variables[key] = value;
        }

        var process = await StartProcessAsync(chosenPort, variables);
        return new AlertsApp(chosenPort, dataDirectory, variables["Alerts__WebhookToken"] ?? string.Empty, variables, process);
    }

    /// <summary>Stops the app and starts it again on the same port and data directory.</summary>
    public async Task RestartAsync()
    {
        await _process.StopAsync();
        await _process.DisposeAsync();
        _process = await StartProcessAsync(Port, _environment);
    }

    /// <summary>POSTs <paramref name="payload"/> to the webhook with <paramref name="token"/> (none when null).</summary>
    public async Task<HttpResponseMessage> PostWebhookAsync(HttpContent payload, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, WebhookUrl) { Content = payload };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await Http.SendAsync(request);
    }

    /// <summary>POSTs <paramref name="payload"/> with the right token and requires success.</summary>
    public async Task DeliverAsync(object payload)
    {
        using var response = await PostWebhookAsync(JsonContent.Create(payload), Token);
        response.EnsureSuccessStatusCode();
    }

    /// <summary><c>GET /api/notifications</c> with <paramref name="query"/> (e.g. <c>?alertname=X</c>).</summary>
    public async Task<List<JsonElement>> GetNotificationsAsync(string query = "") =>
        (await Http.GetFromJsonAsync<List<JsonElement>>(new Uri("api/notifications" + query, UriKind.Relative)))!;

    /// <summary><c>GET /api/alerts</c>.</summary>
    public async Task<List<JsonElement>> GetAlertsAsync() =>
        (await Http.GetFromJsonAsync<List<JsonElement>>(new Uri("api/alerts", UriKind.Relative)))!;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _process.DisposeAsync();
        TestDirectories.Delete(DataDirectory);
    }

    private static Task<ServiceProcess> StartProcessAsync(int port, Dictionary<string, string?> variables)
    {
        var assembly = RepoLayout.ProjectAssembly("Winyx.Alerts");
        return ServiceProcess.StartAsync(new ServiceProcessOptions(DotnetHost(), port)
        {
            Arguments = [assembly],
            Environment = new Dictionary<string, string?>(variables)
            {
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
            },
            WorkingDirectory = Path.GetDirectoryName(assembly),
            Name = "Winyx.Alerts",
        });
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
