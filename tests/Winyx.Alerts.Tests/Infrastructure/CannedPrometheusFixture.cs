namespace Winyx.Alerts.Tests.Infrastructure;

/// <summary>The app reading the repository's dashboards from a <see cref="CannedPrometheus"/>.</summary>
public sealed class CannedPrometheusFixture : IAsyncLifetime
{
    /// <summary>The canned Prometheus.</summary>
    public CannedPrometheus Prometheus { get; private set; } = null!;

    /// <summary>The app.</summary>
    public AlertsApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Prometheus = await CannedPrometheus.StartAsync();
        App = await AlertsApp.StartAsync(new Dictionary<string, string?> { ["services__prometheus__http__0"] = Prometheus.BaseAddress.ToString() });
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Prometheus.DisposeAsync();
    }
}
