using System.Diagnostics;
using Winyx.Hosting.Testing;

namespace Winyx.AppHost.Tests;

/// <summary>
/// The whole fleet of the AppHost's Program, started once for the class: isolated (free ports, a
/// temporary data directory), prebuilt projects, monitoring timings compressed 15× so Prometheus
/// scrapes every second.
/// </summary>
public sealed class FleetFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartBudget = TimeSpan.FromMinutes(3);

    public DistributedApplication App { get; private set; } = null!;

    /// <summary>How long the fleet took from StartAsync until every resource settled (for the report, not asserted).</summary>
    public TimeSpan TimeToSettled { get; private set; }

    public async Task InitializeAsync()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Program>(["--isolated", "--no-build", "--time-scale", "15"]);
        App = await builder.BuildAsync();
        var clock = Stopwatch.StartNew();
        await App.StartAsync();
        await App.Settled.WaitAsync(StartBudget);
        TimeToSettled = clock.Elapsed;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
