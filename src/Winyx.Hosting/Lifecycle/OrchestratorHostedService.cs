using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Hosting;
using Winyx.Hosting.Orchestrator;
using Winyx.Hosting.Reporting;

namespace Winyx.Hosting.Lifecycle;

/// <summary>
/// Ties the orchestrator to the host's lifetime: the host starts it, and Ctrl+C or SIGTERM (the
/// host's console lifetime) stops every resource in reverse dependency order before the AppHost exits.
/// </summary>
internal sealed class OrchestratorHostedService(ApplicationOrchestrator orchestrator, HostOutput output) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        orchestrator.Start();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (orchestrator.IsStopped)
        {
            return;
        }

        var clock = Stopwatch.StartNew();
        output.WriteLine("Stopping every resource (dependents first)…");
        await orchestrator.DisposeAsync().ConfigureAwait(false);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Stopped in {clock.Elapsed.TotalSeconds:0.0} s."));
    }
}
