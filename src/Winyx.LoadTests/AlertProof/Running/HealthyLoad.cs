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
/// The same mix runs first, unmeasured, to warm the fleet up.
/// </summary>
/// <remarks>
/// <para>
/// Why registrations are about one request in 200: each one is a PBKDF2 hash of 100 000 iterations,
/// 60–200 ms of a core on CI-class machines and, beside the fleet, up to a second. The Api caches reads,
/// so UserRpc's calls are the pages and the registrations; at one registration in 20 requests (the mix
/// until 2026-12-03) they were a fifth of UserRpc's calls, its p95 was a registration's time, and on a
/// slow host HighResponseTime and RpcHighLatency fired on it, truthfully. A sign-up is far rarer than a
/// read in any real traffic; at one in 200 two registrations never share a compressed window long enough
/// to hold a p95 for its <c>for:</c>.
/// </para>
/// <para>
/// Why the warm-up: a fleet that just started compiles every path on its first requests (tier-0 JIT, then
/// tier-1 in the background), and on 2 cores that kept the host 90 % busy for the first ~20 s of the
/// mix, with p95 latencies above 0.5 s. Time-compressed rules read 20 s as 20 minutes, so HighResponseTime
/// and RpcHighLatency fired on start-up cost that, at the real time scale, no 5-minute window would notice.
/// </para>
/// </remarks>
public static class HealthyLoad
{
    /// <summary>Requests a second, all scenarios together.</summary>
    public const double Rate = 20;

    /// <summary>How long the fleet must have been without any alert before the healthy run starts.</summary>
    public static readonly TimeSpan SettledFor = TimeSpan.FromSeconds(10);

    /// <summary>How long the mix runs, unmeasured, before the fleet is left to settle and the healthy run starts.</summary>
    public static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(30);

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
        using var http = new HttpLoadClient(timeout: TimeSpan.FromSeconds(10));
        var registrations = new RegistrationNumbers();
        context.Log(string.Create(CultureInfo.InvariantCulture, $"warming up: the same mix for {WarmUp.TotalSeconds:0} s, not measured"));
        await LoadRunner.Create(Mix(context, http, registrations, WarmUp)).WithProgress(null).RunAsync(cancellationToken).ConfigureAwait(false);
        // The warm-up's own start-up latency is still in the compressed windows: start from calm.
        context.Log("waiting for a settled fleet (no alert for 10 s)");
        await FleetQuiet.WaitAsync(context, SettledFor, AlertProofTiming.QuietDeadline, cancellationToken).ConfigureAwait(false);
        context.Log(string.Create(CultureInfo.InvariantCulture, $"healthy load: {Rate:0} req/s of reads, pages and registrations for {duration.TotalSeconds:0} s; no alert may fire"));
        var mix = Mix(context, http, registrations, duration);
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

    private static Scenario Mix(ProofContext context, HttpLoadClient http, RegistrationNumbers registrations, TimeSpan duration) =>
        Scenario.Weighted(
            "healthy",
            Scenario.Create("get_user", ctx => http.SendAsync(ProofRequests.GetUser(context), ctx.CancellationToken)).WithWeight(100),
            Scenario.Create("list_users", ctx => http.SendAsync(ProofRequests.ListUsers(context), ctx.CancellationToken)).WithWeight(40),
            Scenario.Create("web_home", ctx => http.SendAsync(ProofRequests.WebHome(context), ctx.CancellationToken)).WithWeight(50),
            Scenario.Create("register", ctx => http.SendAsync(ProofRequests.Register(context, registrations.Next()), ctx.CancellationToken)).WithWeight(1))
            .WithoutWarmUp()
            .WithLoadSimulations(Simulation.Inject(Rate, TimeSpan.FromSeconds(1), duration));

    // Registrations in both runs take unique e-mail addresses, apart from the cases' own numbers.
    private sealed class RegistrationNumbers
    {
        private long _last = 1_000_000;

        public long Next() => Interlocked.Increment(ref _last);
    }
}
