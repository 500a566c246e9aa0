using System.Globalization;
using System.Net;
using Winyx.LoadTests.Clients;
using Winyx.LoadTests.Runner;
using Winyx.LoadTests.Scenarios;
using Winyx.LoadTests.Simulations;

namespace Winyx.LoadTests.AlertProof.Faults;

/// <summary>
/// Load from the engine, running until the fault is removed (at most <see cref="Cap"/>): open-model
/// traffic at a steady rate, or closed-model saturation. Each run's stats are kept for the report.
/// </summary>
public static class LoadFaults
{
    /// <summary>The longest any proof load runs, whatever happens to the case.</summary>
    public static readonly TimeSpan Cap = TimeSpan.FromMinutes(3);

    /// <summary><paramref name="perSecond"/> requests a second, each built by <paramref name="request"/> (given the iteration number).</summary>
    public static Fault Steady(string name, double perSecond, Func<ProofContext, long, HttpRequestMessage> request) => new(
        string.Create(CultureInfo.InvariantCulture, $"{perSecond:0.#} req/s of {name}"),
        (context, cancellationToken) => Task.FromResult(Run(context, name, request, Simulation.Inject(perSecond, TimeSpan.FromSeconds(1), Cap), maxConnections: 0)));

    /// <summary><paramref name="copies"/> clients sending <paramref name="name"/> back to back: the CPU is the limit.</summary>
    public static Fault Saturate(string name, int copies, Func<ProofContext, long, HttpRequestMessage> request) => new(
        string.Create(CultureInfo.InvariantCulture, $"{copies} clients sending {name} back to back"),
        (context, cancellationToken) => Task.FromResult(Run(context, name, request, Simulation.KeepConstant(copies, Cap), maxConnections: copies)));

    /// <summary>
    /// <paramref name="inFlight"/> clients sending <paramref name="name"/> back to back, spread over
    /// <paramref name="addresses"/> loopback source addresses (127.0.0.2 and up) as a botnet's many clients
    /// would arrive: as fast as the fleet answers, and never a queue longer than <paramref name="inFlight"/>.
    /// </summary>
    public static Fault FromManyAddresses(string name, int inFlight, int addresses, Func<ProofContext, long, HttpRequestMessage> request) => new(
        string.Create(CultureInfo.InvariantCulture, $"{name} back to back, {inFlight} at a time, from {addresses} loopback addresses"),
        (context, cancellationToken) =>
        {
            var clients = Enumerable.Range(2, addresses).Select(i => new HttpLoadClient(timeout: TimeSpan.FromSeconds(10), localAddress: IPAddress.Parse($"127.0.0.{i}"))).ToArray();
            long sent = 0;
            var scenario = Scenario.Create(name, ctx =>
                {
                    var number = Interlocked.Increment(ref sent);
                    return clients[(int)(number % clients.Length)].SendAsync(request(context, number), ctx.CancellationToken);
                })
                .WithoutWarmUp()
                .WithLoadSimulations(Simulation.KeepConstant(inFlight, Cap));
            return Task.FromResult(Start(context, scenario, clients));
        });

    private static IAsyncDisposable Run(ProofContext context, string name, Func<ProofContext, long, HttpRequestMessage> request, LoadSimulation simulation, int maxConnections)
    {
        var client = new HttpLoadClient(maxConnections, TimeSpan.FromSeconds(10));
        long sent = 0;
        var scenario = Scenario.Create(name, ctx => client.SendAsync(request(context, Interlocked.Increment(ref sent)), ctx.CancellationToken))
            .WithoutWarmUp()
            .WithLoadSimulations(simulation);
        return Start(context, scenario, client);
    }

    private static IAsyncDisposable Start(ProofContext context, Scenario scenario, params IDisposable[] owned)
    {
        var stop = new CancellationTokenSource();
        var caseName = context.CurrentCase;
        var run = Task.Run(() => LoadRunner.Create(scenario).WithProgress(null).RunAsync(stop.Token));
        return Removal.Of(async () =>
        {
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                context.LoadResults.Enqueue((caseName, await run.ConfigureAwait(false)));
            }
            finally
            {
                stop.Dispose();
                foreach (var disposable in owned)
                {
                    disposable.Dispose();
                }
            }
        });
    }
}
