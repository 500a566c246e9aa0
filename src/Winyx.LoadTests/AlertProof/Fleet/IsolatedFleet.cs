using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Winyx.Hosting.Console;

namespace Winyx.LoadTests.AlertProof.Fleet;

/// <summary>
/// The real AppHost's fleet started through <c>Aspire.Hosting.Testing</c>: <c>--isolated</c> (free
/// ports, a temporary data directory removed on exit), <c>--time-scale</c>, the test profile (chaos
/// switches on) and any threshold overrides, with the Aspire dashboard on so a person can watch.
/// </summary>
public sealed class IsolatedFleet : IProofFleet
{
    /// <summary>Every resource the proof needs Running and Healthy before it starts.</summary>
    public static readonly string[] Required =
        ["alertmanager", "alerts", "api", "backup", "mysql", "mysql-exporter", "node-exporter", "prometheus", "redis", "redis-exporter", "userdb", "userrpc", "web"];

    private static readonly TimeSpan StartBudget = TimeSpan.FromMinutes(4);
    private readonly DistributedApplication _app;

    private IsolatedFleet(DistributedApplication app, double timeScale, string chaosKey)
    {
        _app = app;
        TimeScale = timeScale;
        ChaosKey = chaosKey;
    }

    /// <inheritdoc />
    public double TimeScale { get; }

    /// <inheritdoc />
    public string ChaosKey { get; }

    /// <summary>The Aspire dashboard's address, for the progress output.</summary>
    public Uri? DashboardUrl { get; private set; }

    /// <summary>
    /// Starts the fleet and waits until every <see cref="Required"/> resource is healthy, printing
    /// what it waits for to <paramref name="progress"/>.
    /// </summary>
    public static async Task<IsolatedFleet> StartAsync(double timeScale, IReadOnlyList<string> extraArguments, TextWriter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(extraArguments);
        ArgumentNullException.ThrowIfNull(progress);
        string[] args = ["--isolated", "--profile", "test", "--time-scale", timeScale.ToString(CultureInfo.InvariantCulture), .. extraArguments];
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Winyx_AppHost>(
            args,
            (options, _) => options.DisableDashboard = false,
            cancellationToken).ConfigureAwait(false);
        // The resources' own output would bury the proof's progress; the dashboard keeps all of it.
        builder.Services.AddLogging(logging => logging
            .AddFilter("Winyx.AppHost.Resources", LogLevel.None)
            .AddFilter("Aspire.Hosting", LogLevel.Warning)
            .AddFilter("Microsoft", LogLevel.Warning)
            .AddFilter("System", LogLevel.Warning));
        var app = await builder.BuildAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            budget.CancelAfter(StartBudget);
            try
            {
                await app.StartAsync(budget.Token).ConfigureAwait(false);
                await WaitHealthyAsync(app, progress, budget.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw ResourceProgress.NotHealthyWithin(StartBudget, app.ResourceNotifications, Required);
            }
            var chaosKey = await ParameterValueAsync(app, "chaos-key", cancellationToken).ConfigureAwait(false);
            var fleet = new IsolatedFleet(app, timeScale, chaosKey);
            fleet.DashboardUrl = fleet.TryEndpoint("aspire-dashboard");
            return fleet;
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc />
    public Uri Endpoint(string resource, string endpointName = "http") => _app.GetEndpoint(resource, endpointName);

    /// <inheritdoc />
    public async Task<string> ConnectionStringAsync(string resource, CancellationToken cancellationToken) =>
        await _app.GetConnectionStringAsync(resource, cancellationToken).ConfigureAwait(false)
        ?? throw new InvalidOperationException($"{resource} has no connection string.");

    /// <inheritdoc />
    public Task<string> EnvironmentAsync(string resource, string name, CancellationToken cancellationToken)
    {
        var snapshot = Snapshot(resource);
        var variable = snapshot.EnvironmentVariables.FirstOrDefault(v => v.Name == name)
            ?? throw new InvalidOperationException($"{resource} has no environment variable {name}.");
        return Task.FromResult(variable.Value ?? string.Empty);
    }

    /// <inheritdoc />
    public Task StopAsync(string resource, CancellationToken cancellationToken) =>
        CommandAsync(resource, KnownResourceCommands.StopCommand, cancellationToken);

    /// <inheritdoc />
    public async Task StartAsync(string resource, CancellationToken cancellationToken)
    {
        await CommandAsync(resource, KnownResourceCommands.StartCommand, cancellationToken).ConfigureAwait(false);
        await _app.ResourceNotifications.WaitForResourceHealthyAsync(resource, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task CommandAsync(string resource, string command, CancellationToken cancellationToken)
    {
        var result = await _app.Services.GetRequiredService<ResourceCommandService>()
            .ExecuteCommandAsync(resource, command, cancellationToken).ConfigureAwait(false);
        if (!result.Success)
        {
            throw new InvalidOperationException($"{command} on {resource} failed: {result.Message}");
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await _app.DisposeAsync().ConfigureAwait(false);

    private static async Task WaitHealthyAsync(DistributedApplication app, TextWriter progress, CancellationToken cancellationToken)
    {
        var pending = new HashSet<string>(Required, StringComparer.Ordinal);
        var waits = Required.ToDictionary(name => app.ResourceNotifications.WaitForResourceHealthyAsync(name, cancellationToken), name => name);
        while (waits.Count > 0)
        {
            var done = await Task.WhenAny(waits.Keys).ConfigureAwait(false);
            await done.ConfigureAwait(false);
            pending.Remove(waits[done]);
            waits.Remove(done);
            var line = waits.Count == 0
                ? "  every resource is healthy"
                : $"  healthy {Required.Length - pending.Count}/{Required.Length}; waiting for {string.Join(", ", pending.Order(StringComparer.Ordinal))}";
            await progress.WriteLineAsync(line).ConfigureAwait(false);
        }
    }

    private static async Task<string> ParameterValueAsync(DistributedApplication app, string name, CancellationToken cancellationToken)
    {
        var model = app.Services.GetRequiredService<DistributedApplicationModel>();
        var parameter = model.Resources.OfType<ParameterResource>().Single(p => p.Name == name);
        return await parameter.GetValueAsync(cancellationToken).ConfigureAwait(false) ?? string.Empty;
    }

    private CustomResourceSnapshot Snapshot(string resource) =>
        _app.ResourceNotifications.TryGetCurrentState(resource, out var resourceEvent)
            ? resourceEvent.Snapshot
            : throw new InvalidOperationException($"no state for {resource}");

    private Uri? TryEndpoint(string resource) =>
        _app.ResourceNotifications.TryGetCurrentState(resource, out var resourceEvent)
        && resourceEvent.Snapshot.Urls.FirstOrDefault(u => u.Name == "http" && !u.IsInternal) is { } url
            ? new Uri(url.Url)
            : null;
}
