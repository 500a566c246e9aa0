namespace Winyx.LoadTests.Simulations;

/// <summary>
/// The load simulations, named as NBomber names them. Closed: <see cref="KeepConstant"/>,
/// <see cref="RampingConstant"/>, <see cref="IterationsForConstant"/>. Open: <see cref="Inject"/>,
/// <see cref="RampingInject"/>, <see cref="InjectRandom"/>, <see cref="IterationsForInject"/>.
/// Rates are per <c>interval</c> and may be fractional (0.5 per second is one every two seconds).
/// </summary>
public static class Simulation
{
    /// <summary><paramref name="copies"/> copies for <paramref name="during"/>.</summary>
    public static LoadSimulation KeepConstant(int copies, TimeSpan during)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(copies);
        PositiveDuration(during);
        return new KeepConstantSimulation(copies, during);
    }

    /// <summary>Copies ramped linearly to <paramref name="copies"/> over <paramref name="during"/>.</summary>
    public static LoadSimulation RampingConstant(int copies, TimeSpan during)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(copies);
        PositiveDuration(during);
        return new RampingConstantSimulation(copies, during);
    }

    /// <summary><paramref name="copies"/> copies running <paramref name="iterations"/> iterations in all.</summary>
    public static LoadSimulation IterationsForConstant(int copies, long iterations)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(copies);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(iterations);
        return new IterationsForConstantSimulation(copies, iterations);
    }

    /// <summary><paramref name="rate"/> iterations per <paramref name="interval"/> for <paramref name="during"/>.</summary>
    public static LoadSimulation Inject(double rate, TimeSpan interval, TimeSpan during)
    {
        ValidRate(rate);
        PositiveDuration(interval);
        PositiveDuration(during);
        return new InjectSimulation(rate, interval, during);
    }

    /// <summary>A rate ramped linearly to <paramref name="rate"/> per <paramref name="interval"/> over <paramref name="during"/>.</summary>
    public static LoadSimulation RampingInject(double rate, TimeSpan interval, TimeSpan during)
    {
        ValidRate(rate);
        PositiveDuration(interval);
        PositiveDuration(during);
        return new RampingInjectSimulation(rate, interval, during);
    }

    /// <summary>Each interval, a rate drawn between the bounds; <paramref name="seed"/> makes runs repeatable.</summary>
    public static LoadSimulation InjectRandom(double minRate, double maxRate, TimeSpan interval, TimeSpan during, int seed = 0)
    {
        ValidRate(minRate);
        ValidRate(maxRate);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minRate, maxRate);
        PositiveDuration(interval);
        PositiveDuration(during);
        return new InjectRandomSimulation(minRate, maxRate, interval, during, seed);
    }

    /// <summary>Exactly <paramref name="iterations"/> iterations at <paramref name="rate"/> per <paramref name="interval"/>.</summary>
    public static LoadSimulation IterationsForInject(double rate, TimeSpan interval, long iterations)
    {
        ValidRate(rate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rate);
        PositiveDuration(interval);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(iterations);
        return new IterationsForInjectSimulation(rate, interval, iterations);
    }

    /// <summary>No load for <paramref name="during"/>.</summary>
    public static LoadSimulation Pause(TimeSpan during)
    {
        PositiveDuration(during);
        return new PauseSimulation(during);
    }

    private static void ValidRate(double rate)
    {
        if (!double.IsFinite(rate) || rate < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "A rate is a finite number of iterations, 0 or more.");
        }
    }

    private static void PositiveDuration(TimeSpan duration) =>
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
}
