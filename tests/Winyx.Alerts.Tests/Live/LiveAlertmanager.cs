using System.Net.Http.Json;
using Winyx.Alerts.Tests.Infrastructure;
using Winyx.Hosting.Monitoring;
using Winyx.Hosting.Processes;
using Winyx.Testing;

namespace Winyx.Alerts.Tests.Live;

/// <summary>
/// The real Alertmanager (Debian's <c>prometheus-alertmanager</c>) configured as the AppHost does it —
/// <c>monitoring/alertmanager/alertmanager.yml</c> through <see cref="AlertmanagerConfigRenderer"/>, every
/// receiver's webhook pointed at the app with its bearer token, timings compressed 15 times — and the
/// app, which also reads Alertmanager's <c>/api/v2/alerts</c>.
/// </summary>
public sealed class LiveAlertmanager : IAsyncLifetime
{
    private static readonly MonitoringTimeScale Scale = new(15);

    private string _directory = string.Empty;
    private ManagedProcess? _alertmanager;

    /// <summary>The app under test.</summary>
    public AlertsApp App { get; private set; } = null!;

    /// <summary>A client whose base address is Alertmanager.</summary>
    public HttpClient Alertmanager { get; } = new() { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>Alertmanager's last lines, for failure messages.</summary>
    public string Logs => $"--- alertmanager\n{_alertmanager?.Output.TailText(20)}";

    public async Task InitializeAsync()
    {
        _directory = TestDirectories.Create("alerts-live");
        var appPort = PortAllocator.GetFreePort();
        var alertmanagerPort = PortAllocator.GetFreePort();
        var token = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        var config = Path.Combine(_directory, "alertmanager.yml");
        AlertmanagerConfigRenderer.Render(new AlertmanagerRenderRequest(
                Path.Combine(RepoLayout.Root, "monitoring", "alertmanager", "alertmanager.yml"),
                new Uri($"http://127.0.0.1:{appPort}/api/alertmanager/webhook"))
            {
                WebhookBearerToken = token,
                TimeScale = Scale,
            })
            .WriteTo(config);

        _alertmanager = await ManagedProcess.StartAsync(new ManagedProcessOptions("prometheus-alertmanager")
        {
            Arguments =
            [
                $"--config.file={config}",
                $"--storage.path={Path.Combine(_directory, "data")}",
                $"--web.listen-address=127.0.0.1:{alertmanagerPort}",
                $"--web.external-url=http://127.0.0.1:{alertmanagerPort}/",
                "--cluster.listen-address=",
            ],
            StopTimeout = TimeSpan.FromSeconds(5),
        });
        Alertmanager.BaseAddress = new Uri($"http://127.0.0.1:{alertmanagerPort}/");
        await Poll.UntilAsync(
            async () => (await Alertmanager.GetAsync(new Uri("-/ready", UriKind.Relative))).IsSuccessStatusCode,
            TimeSpan.FromSeconds(30),
            $"Alertmanager became ready\n{Logs}");

        App = await AlertsApp.StartAsync(
            new Dictionary<string, string?>
            {
                ["Alerts__WebhookToken"] = token,
                ["services__alertmanager__http__0"] = Alertmanager.BaseAddress.ToString(),
            },
            appPort);
    }

    /// <summary>Posts alerts to Alertmanager's v2 API, as Prometheus would.</summary>
    public async Task PostAlertsAsync(params object[] alerts)
    {
        using var response = await Alertmanager.PostAsJsonAsync(new Uri("api/v2/alerts", UriKind.Relative), alerts);
        response.EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        if (_alertmanager is not null)
        {
            await _alertmanager.DisposeAsync();
        }

        Alertmanager.Dispose();
        TestDirectories.Delete(_directory);
    }
}
