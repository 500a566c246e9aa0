using System.Globalization;
using Winyx.LoadTests.AlertProof.Faults;
using Winyx.LoadTests.Clients;
using Winyx.LoadTests.Runner;
using Winyx.LoadTests.Scenarios;
using Winyx.LoadTests.Simulations;

namespace Winyx.LoadTests.AlertProof;

/// <summary>
/// The no-false-positives run: a realistic mix at a realistic rate (cached and uncached reads, pages,
/// registrations) for the longest compressed window of the proven rules, during which no alert may fire.
/// </summary>
public static class HealthyLoad
{
    /// <summary>Requests a second, all scenarios together.</summary>
    public const double Rate = 20;

    /// <summary>How long the fleet must have been without any alert before the healthy run starts.</summary>
    public static readonly TimeSpan SettledFor = TimeSpan.FromSeconds(10);

    /// <summary>What the healthy run saw.</summary>
    /// <param name="StartedAt">Start.</param>
    /// <param name="EndedAt">End.</param>
    /// <param name="Requests">Requests sent.</param>
    /// <param name="Failed">Requests that failed.</param>
    /// <param name="Fired">Alerts that fired meanwhile.</param>
    /// <param name="HostBusy">Of those, HighCPUUsage the proof's own measurement of the host corroborates (true about the host).</param>
    public sealed record Result(DateTimeOffset StartedAt, DateTimeOffset EndedAt, long Requests, long Failed, IReadOnlyList<string> Fired, IReadOnlyList<string> HostBusy)
    {
        /// <summary>Alerts that fired with nothing to justify them.</summary>
        public IReadOnlyList<string> FalsePositives => [.. Fired.Where(f => !HostBusy.Any(h => h.StartsWith(f + ":", StringComparison.Ordinal)))];
    }

    /// <summary>Runs the mix for <paramref name="duration"/> and reports what fired.</summary>
    public static async Task<Result> RunAsync(ProofContext context, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.CurrentCase = "healthy";
        // A fleet that just started is still compiling and warming its caches: start from calm.
        context.Log("waiting for a settled fleet (no alert for 10 s)");
        await FleetQuiet.WaitAsync(context, SettledFor, AlertProofTiming.QuietDeadline, cancellationToken).ConfigureAwait(false);
        context.Log(string.Create(CultureInfo.InvariantCulture, $"healthy load: {Rate:0} req/s of reads, pages and registrations for {duration.TotalSeconds:0} s; no alert may fire"));
        using var http = new HttpLoadClient(timeout: TimeSpan.FromSeconds(10));
        long registrations = 0;
        var mix = Scenario.Weighted(
            "healthy",
            Scenario.Create("get_user", ctx => http.SendAsync(ProofRequests.GetUser(context), ctx.CancellationToken)).WithWeight(10),
            Scenario.Create("list_users", ctx => http.SendAsync(ProofRequests.ListUsers(context), ctx.CancellationToken)).WithWeight(4),
            Scenario.Create("web_home", ctx => http.SendAsync(ProofRequests.WebHome(context), ctx.CancellationToken)).WithWeight(5),
            Scenario.Create("register", ctx => http.SendAsync(ProofRequests.Register(context, Interlocked.Increment(ref registrations) + 1_000_000), ctx.CancellationToken)).WithWeight(1))
            .WithoutWarmUp()
            .WithLoadSimulations(Simulation.Inject(Rate, TimeSpan.FromSeconds(1), duration));
        var startedAt = DateTimeOffset.UtcNow;
        var run = await LoadRunner.Create(mix).WithProgress(null).RunAsync(cancellationToken).ConfigureAwait(false);
        var endedAt = DateTimeOffset.UtcNow;
        context.LoadResults.Enqueue(("healthy", run));
        var stats = run.Scenario("healthy");
        var spans = context.Watcher.FiredBetween(startedAt, endedAt);
        var fired = spans.Select(s => s.Identity).Distinct(StringComparer.Ordinal).ToList();
        var hostBusy = spans.Select(context.HostLoad.Corroboration).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var result = new Result(startedAt, endedAt, stats.AllRequestCount, stats.Fail.Request.Count, fired, hostBusy);
        context.Log(string.Create(CultureInfo.InvariantCulture, $"  {stats.AllRequestCount:N0} requests, {stats.Fail.Request.Count:N0} failed; false positives: {(result.FalsePositives.Count == 0 ? "none" : string.Join(", ", result.FalsePositives))}"));
        foreach (var busy in hostBusy)
        {
            context.Log($"  corroborated, not a false positive: {busy}");
        }

        return result;
    }
}
