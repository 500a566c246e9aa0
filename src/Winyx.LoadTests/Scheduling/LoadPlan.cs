using Winyx.LoadTests.Simulations;

namespace Winyx.LoadTests.Scheduling;

/// <summary>
/// Turns a scenario's simulations into phases. Ramps start from where the previous simulation of the
/// same model ended, NBomber's rule: <c>RampingConstant(10)</c> after <c>KeepConstant(4)</c> goes 4 → 10.
/// </summary>
internal static class LoadPlan
{
    public static IReadOnlyList<LoadPhase> Build(IEnumerable<LoadSimulation> simulations)
    {
        var phases = new List<LoadPhase>();
        var copies = 0;
        var rate = 0.0;
        foreach (var simulation in simulations)
        {
            LoadPhase phase = simulation switch
            {
                KeepConstantSimulation s => new ClosedPhase(s, s.Copies, s.Copies, null),
                RampingConstantSimulation s => new ClosedPhase(s, copies, s.Copies, null),
                IterationsForConstantSimulation s => new ClosedPhase(s, s.Copies, s.Copies, s.Iterations),
                InjectSimulation s => Open(s, ArrivalCurve.Constant(PerSecond(s.Rate, s.Interval), s.Duration), PerSecond(s.Rate, s.Interval)),
                RampingInjectSimulation s => Open(s, new ArrivalCurve([(s.Duration, rate, PerSecond(s.Rate, s.Interval))]), PerSecond(s.Rate, s.Interval)),
                InjectRandomSimulation s => Open(s, RandomCurve(s), rate),
                IterationsForInjectSimulation s => new OpenPhase(s, ArrivalCurve.Constant(PerSecond(s.Rate, s.Interval), TimeSpan.MaxValue), s.Iterations, PerSecond(s.Rate, s.Interval)),
                PauseSimulation s => new PausePhase(s),
                _ => throw new NotSupportedException($"Unknown load simulation {simulation.GetType().Name}."),
            };
            phases.Add(phase);
            copies = phase is ClosedPhase closed ? closed.EndCopies : copies;
            rate = phase is OpenPhase open ? open.EndRatePerSecond : rate;
        }

        return phases;
    }

    /// <summary>
    /// The warm-up plan: the first simulation's steady load (its target copies or rate) for
    /// <paramref name="duration"/>, as NBomber warms up with the scenario's own load.
    /// </summary>
    public static IReadOnlyList<LoadPhase> WarmUp(IReadOnlyList<LoadSimulation> simulations, TimeSpan duration)
    {
        var first = simulations.FirstOrDefault(s => s.Model != LoadModel.Pause);
        LoadSimulation? warm = first switch
        {
            KeepConstantSimulation s => Simulation.KeepConstant(s.Copies, duration),
            RampingConstantSimulation s => Simulation.KeepConstant(s.Copies, duration),
            IterationsForConstantSimulation s => Simulation.KeepConstant(s.Copies, duration),
            InjectSimulation s => Simulation.Inject(s.Rate, s.Interval, duration),
            RampingInjectSimulation s => Simulation.Inject(s.Rate, s.Interval, duration),
            InjectRandomSimulation s => Simulation.Inject((s.MinRate + s.MaxRate) / 2, s.Interval, duration),
            IterationsForInjectSimulation s => Simulation.Inject(s.Rate, s.Interval, duration),
            _ => null,
        };
        return warm is null || duration <= TimeSpan.Zero ? [] : Build([warm]);
    }

    /// <summary>Iterations a phase due by its end: every k with Λ⁻¹(k) strictly before the end.</summary>
    public static long CountBefore(ArrivalCurve curve, TimeSpan end)
    {
        var cumulative = curve.Cumulative(end);
        // Λ(end) = 100.0000000001 from rounding still means 100 iterations: k = 0 … 99.
        return (long)Math.Ceiling(cumulative - 1e-7);
    }

    private static OpenPhase Open(LoadSimulation simulation, ArrivalCurve curve, double endRate) =>
        new(simulation, curve, CountBefore(curve, simulation.During!.Value), endRate);

    private static double PerSecond(double rate, TimeSpan interval) => rate / interval.TotalSeconds;

    private static ArrivalCurve RandomCurve(InjectRandomSimulation s)
    {
        var random = new Random(s.Seed);
        var segments = new List<(TimeSpan, double, double)>();
        for (var start = TimeSpan.Zero; start < s.Duration; start += s.Interval)
        {
            var length = s.Interval < s.Duration - start ? s.Interval : s.Duration - start;
            var drawn = PerSecond(s.MinRate + (random.NextDouble() * (s.MaxRate - s.MinRate)), s.Interval);
            segments.Add((length, drawn, drawn));
        }

        return new ArrivalCurve(segments);
    }
}
