namespace Winyx.Alerts.Tests.Infrastructure;

/// <summary>One app process shared by a test class; tests keep apart by unique alert names.</summary>
public sealed class AlertsAppFixture : IAsyncLifetime
{
    /// <summary>The running app.</summary>
    public AlertsApp App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await AlertsApp.StartAsync();

    public async Task DisposeAsync() => await App.DisposeAsync();
}
