using Winyx.LoadTests.Simulations;

namespace Winyx.LoadTests.Scheduling;

/// <summary>One simulation made concrete: where its ramp starts from and how long it lasts.</summary>
internal abstract record LoadPhase(LoadSimulation Simulation)
{
    /// <summary>Null for the iteration-bound phases.</summary>
    public TimeSpan? Duration => Simulation.During;
}

/// <summary>A closed-model phase: a number of copies over time.</summary>
internal sealed record ClosedPhase(LoadSimulation Simulation, int StartCopies, int EndCopies, long? Iterations) : LoadPhase(Simulation)
{
    /// <summary>True when the copy count changes during the phase.</summary>
    public bool IsRamping => StartCopies != EndCopies;

    /// <summary>Copies wanted <paramref name="elapsed"/> into the phase (linear, rounded to the nearest).</summary>
    public int CopiesAt(TimeSpan elapsed)
    {
        if (!IsRamping || Duration is not { } duration)
        {
            return EndCopies;
        }

        var fraction = Math.Clamp(elapsed / duration, 0, 1);
        return (int)Math.Round(StartCopies + ((EndCopies - StartCopies) * fraction), MidpointRounding.AwayFromZero);
    }
}

/// <summary>An open-model phase: when each iteration is due, and how many there are.</summary>
internal sealed record OpenPhase(LoadSimulation Simulation, ArrivalCurve Curve, long TotalIterations, double EndRatePerSecond) : LoadPhase(Simulation);

/// <summary>A pause: no load.</summary>
internal sealed record PausePhase(LoadSimulation Simulation) : LoadPhase(Simulation);
