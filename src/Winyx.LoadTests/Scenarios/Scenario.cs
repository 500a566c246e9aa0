using Winyx.LoadTests.Simulations;

namespace Winyx.LoadTests.Scenarios;

/// <summary>
/// A scenario in NBomber's shape: a name, the function one iteration runs, and how it is loaded.
/// Immutable: each <c>With…</c> returns a changed copy.
/// </summary>
/// <example>
/// <code>
/// var scenario = Scenario.Create("get_user", async ctx =>
///     {
///         var response = await http.GetAsync(new Uri(baseUri, "/api/users/1"), ctx.CancellationToken);
///         return response;
///     })
///     .WithWarmUpDuration(TimeSpan.FromSeconds(3))
///     .WithLoadSimulations(Simulation.Inject(rate: 100, interval: TimeSpan.FromSeconds(1), during: TimeSpan.FromSeconds(30)));
/// </code>
/// </example>
public sealed record Scenario
{
    /// <summary>When no simulation is given: one copy for ten seconds, as NBomber does.</summary>
    public static readonly LoadSimulation DefaultSimulation = Simulation.KeepConstant(1, TimeSpan.FromSeconds(10));

    private Scenario(string name, Func<ScenarioContext, Task<Response>> run)
    {
        Name = name;
        Run = run;
    }

    /// <summary>The scenario's name; unique within a run.</summary>
    public string Name { get; }

    /// <summary>One iteration.</summary>
    public Func<ScenarioContext, Task<Response>> Run { get; }

    /// <summary>Runs once before any iteration (e.g. seeding users).</summary>
    public Func<ScenarioInitContext, Task>? Init { get; init; }

    /// <summary>Runs once after the last iteration, even when the run was aborted.</summary>
    public Func<ScenarioInitContext, Task>? Clean { get; init; }

    /// <summary>How long the first simulation's load runs before measuring; its stats are discarded.</summary>
    public TimeSpan WarmUpDuration { get; init; }

    /// <summary>Relative share of a <see cref="Weighted"/> scenario's iterations.</summary>
    public int Weight { get; init; } = 1;

    /// <summary>The load simulations, run one after the other.</summary>
    public IReadOnlyList<LoadSimulation> LoadSimulations { get; init; } = [DefaultSimulation];

    /// <summary>
    /// Open model only: most iterations in flight at once. A due iteration finding every slot busy
    /// is dropped and counted, as k6's <c>dropped_iterations</c>.
    /// </summary>
    public int MaxConcurrency { get; init; } = 1_000;

    /// <summary>Creates a scenario.</summary>
    public static Scenario Create(string name, Func<ScenarioContext, Task<Response>> run)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(run);
        return new Scenario(name, run);
    }

    /// <summary>
    /// A scenario whose every iteration runs one of <paramref name="members"/>, picked at random in
    /// proportion to their <see cref="Weight"/>; each member's stats are reported as a step named after it.
    /// The members' init and clean run with the composite's.
    /// </summary>
    public static Scenario Weighted(string name, params Scenario[] members)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (members.Length == 0)
        {
            throw new ArgumentException("A weighted scenario needs at least one member.", nameof(members));
        }

        var picker = new WeightedPicker<Scenario>(members.Select(m => (m, m.Weight)));
        return Create(name, ctx =>
        {
            var member = picker.Pick(ctx.Random);
            return Step.Run(member.Name, ctx, () => member.Run(ctx));
        }) with
        {
            Init = ctx => Task.WhenAll(members.Where(m => m.Init is not null).Select(m => m.Init!(ctx with { ScenarioName = m.Name }))),
            Clean = ctx => Task.WhenAll(members.Where(m => m.Clean is not null).Select(m => m.Clean!(ctx with { ScenarioName = m.Name }))),
        };
    }

    /// <summary>Sets the init function.</summary>
    public Scenario WithInit(Func<ScenarioInitContext, Task> init) => this with { Init = init };

    /// <summary>Sets the clean function.</summary>
    public Scenario WithClean(Func<ScenarioInitContext, Task> clean) => this with { Clean = clean };

    /// <summary>Sets the warm-up duration.</summary>
    public Scenario WithWarmUpDuration(TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        return this with { WarmUpDuration = duration };
    }

    /// <summary>Runs no warm-up.</summary>
    public Scenario WithoutWarmUp() => this with { WarmUpDuration = TimeSpan.Zero };

    /// <summary>Sets the weight used by <see cref="Weighted"/>.</summary>
    public Scenario WithWeight(int weight)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(weight);
        return this with { Weight = weight };
    }

    /// <summary>Sets the open model's most iterations in flight.</summary>
    public Scenario WithMaxConcurrency(int maxConcurrency)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxConcurrency);
        return this with { MaxConcurrency = maxConcurrency };
    }

    /// <summary>Sets the load simulations, run in order.</summary>
    public Scenario WithLoadSimulations(params LoadSimulation[] simulations)
    {
        ArgumentNullException.ThrowIfNull(simulations);
        if (simulations.Length == 0)
        {
            throw new ArgumentException("Give at least one load simulation.", nameof(simulations));
        }

        return this with { LoadSimulations = simulations };
    }
}
