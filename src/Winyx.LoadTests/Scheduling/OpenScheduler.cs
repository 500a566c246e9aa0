namespace Winyx.LoadTests.Scheduling;

/// <summary>
/// The open model's bookkeeping, free of threads and clocks so it can be tested with any "now":
/// which iterations are due, in order, and when the next one is. A caller that was late (a GC pause,
/// a busy core) gets every missed iteration at once with its intended time — the catch-up — so
/// latency can still be measured from when each iteration should have started (wrk2's correction).
/// </summary>
internal sealed class OpenScheduler
{
    private readonly ArrivalCurve _curve;
    private readonly long _total;
    private TimeSpan? _next;

    public OpenScheduler(OpenPhase phase)
        : this(phase.Curve, phase.TotalIterations)
    {
    }

    public OpenScheduler(ArrivalCurve curve, long totalIterations)
    {
        _curve = curve;
        _total = totalIterations;
        _next = totalIterations > 0 ? curve.TimeOf(0) : null;
    }

    /// <summary>Iterations handed out so far.</summary>
    public long Issued { get; private set; }

    /// <summary>Every iteration the phase will hand out.</summary>
    public long Total => _total;

    /// <summary>When the next iteration is due, from the phase's start; null when all were handed out.</summary>
    public TimeSpan? NextDue => _next;

    /// <summary>
    /// Appends to <paramref name="due"/> the intended start of every iteration due at or before
    /// <paramref name="now"/> not handed out yet, and returns how many.
    /// </summary>
    public int TakeDue(TimeSpan now, List<TimeSpan> due)
    {
        var taken = 0;
        while (_next is { } next && next <= now)
        {
            due.Add(next);
            taken++;
            Issued++;
            _next = Issued < _total ? _curve.TimeOf(Issued) : null;
        }

        return taken;
    }
}
