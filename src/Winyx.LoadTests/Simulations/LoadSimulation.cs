namespace Winyx.LoadTests.Simulations;

/// <summary>Which model drives a simulation.</summary>
public enum LoadModel
{
    /// <summary>A number of copies, each starting its next iteration when the last one ends.</summary>
    Closed,

    /// <summary>Iterations start at a rate, whether or not earlier ones have finished.</summary>
    Open,

    /// <summary>No load.</summary>
    Pause,
}

/// <summary>
/// One phase of a scenario's load, made by the <see cref="Simulation"/> factory methods. A ramping
/// simulation starts from where the previous one of the same model ended (0 at first).
/// </summary>
public abstract record LoadSimulation
{
    private protected LoadSimulation()
    {
    }

    /// <summary>The model that drives it.</summary>
    public abstract LoadModel Model { get; }

    /// <summary>A snake_case name as NBomber reports it (e.g. <c>inject</c>).</summary>
    public abstract string Name { get; }

    /// <summary>How long it lasts; null for the iteration-bound ones, which last until their count is done.</summary>
    public abstract TimeSpan? During { get; }

    /// <summary>A one-line description for reports.</summary>
    public abstract string Describe();
}

/// <summary>A fixed number of copies for a duration.</summary>
public sealed record KeepConstantSimulation(int Copies, TimeSpan Duration) : LoadSimulation
{
    /// <inheritdoc />
    public override LoadModel Model => LoadModel.Closed;

    /// <inheritdoc />
    public override string Name => "keep_constant";

    /// <inheritdoc />
    public override TimeSpan? During => Duration;

    /// <inheritdoc />
    public override string Describe() => $"keep_constant copies={Copies} during={Duration}";
}

/// <summary>Copies ramped linearly from the previous closed simulation's count to <see cref="Copies"/>.</summary>
public sealed record RampingConstantSimulation(int Copies, TimeSpan Duration) : LoadSimulation
{
    /// <inheritdoc />
    public override LoadModel Model => LoadModel.Closed;

    /// <inheritdoc />
    public override string Name => "ramping_constant";

    /// <inheritdoc />
    public override TimeSpan? During => Duration;

    /// <inheritdoc />
    public override string Describe() => $"ramping_constant copies={Copies} during={Duration}";
}

/// <summary>A fixed number of copies that together run exactly <see cref="Iterations"/> iterations.</summary>
public sealed record IterationsForConstantSimulation(int Copies, long Iterations) : LoadSimulation
{
    /// <inheritdoc />
    public override LoadModel Model => LoadModel.Closed;

    /// <inheritdoc />
    public override string Name => "iterations_for_constant";

    /// <inheritdoc />
    public override TimeSpan? During => null;

    /// <inheritdoc />
    public override string Describe() => $"iterations_for_constant copies={Copies} iterations={Iterations}";
}

/// <summary><see cref="Rate"/> iterations per <see cref="Interval"/>, spread evenly, for a duration.</summary>
public sealed record InjectSimulation(double Rate, TimeSpan Interval, TimeSpan Duration) : LoadSimulation
{
    /// <inheritdoc />
    public override LoadModel Model => LoadModel.Open;

    /// <inheritdoc />
    public override string Name => "inject";

    /// <inheritdoc />
    public override TimeSpan? During => Duration;

    /// <inheritdoc />
    public override string Describe() => $"inject rate={Rate} interval={Interval} during={Duration}";
}

/// <summary>A rate ramped linearly from the previous open simulation's rate to <see cref="Rate"/>.</summary>
public sealed record RampingInjectSimulation(double Rate, TimeSpan Interval, TimeSpan Duration) : LoadSimulation
{
    /// <inheritdoc />
    public override LoadModel Model => LoadModel.Open;

    /// <inheritdoc />
    public override string Name => "ramping_inject";

    /// <inheritdoc />
    public override TimeSpan? During => Duration;

    /// <inheritdoc />
    public override string Describe() => $"ramping_inject rate={Rate} interval={Interval} during={Duration}";
}

/// <summary>Each interval, a rate drawn uniformly between <see cref="MinRate"/> and <see cref="MaxRate"/>.</summary>
public sealed record InjectRandomSimulation(double MinRate, double MaxRate, TimeSpan Interval, TimeSpan Duration, int Seed) : LoadSimulation
{
    /// <inheritdoc />
    public override LoadModel Model => LoadModel.Open;

    /// <inheritdoc />
    public override string Name => "inject_random";

    /// <inheritdoc />
    public override TimeSpan? During => Duration;

    /// <inheritdoc />
    public override string Describe() => $"inject_random min={MinRate} max={MaxRate} interval={Interval} during={Duration}";
}

/// <summary>Exactly <see cref="Iterations"/> iterations at <see cref="Rate"/> per <see cref="Interval"/>.</summary>
public sealed record IterationsForInjectSimulation(double Rate, TimeSpan Interval, long Iterations) : LoadSimulation
{
    /// <inheritdoc />
    public override LoadModel Model => LoadModel.Open;

    /// <inheritdoc />
    public override string Name => "iterations_for_inject";

    /// <inheritdoc />
    public override TimeSpan? During => null;

    /// <inheritdoc />
    public override string Describe() => $"iterations_for_inject rate={Rate} interval={Interval} iterations={Iterations}";
}

/// <summary>No load for a duration.</summary>
public sealed record PauseSimulation(TimeSpan Duration) : LoadSimulation
{
    /// <inheritdoc />
    public override LoadModel Model => LoadModel.Pause;

    /// <inheritdoc />
    public override string Name => "pause";

    /// <inheritdoc />
    public override TimeSpan? During => Duration;

    /// <inheritdoc />
    public override string Describe() => $"pause during={Duration}";
}
