using Winyx.LoadTests.Scenarios;

namespace Winyx.LoadTests.Workers;

/// <summary>
/// One open-model worker: queued to the thread pool as a work item of its own (no allocation per
/// iteration), so the scheduler thread only hands over and never runs scenario code.
/// </summary>
internal sealed class OpenSlot : IThreadPoolWorkItem
{
    private readonly IterationExecutor _executor;
    private readonly ScenarioContext _context;
    private readonly SlotPool _pool;
    private TimeSpan _intendedStart;

    public OpenSlot(IterationExecutor executor, ScenarioContext context, SlotPool pool)
    {
        _executor = executor;
        _context = context;
        _pool = pool;
    }

    public void Start(TimeSpan intendedStart)
    {
        _intendedStart = intendedStart;
        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    public void Execute() => _ = RunAsync();

    private async Task RunAsync()
    {
        try
        {
            await _executor.RunAsync(_context, _intendedStart).ConfigureAwait(false);
        }
        finally
        {
            _pool.Return(this);
        }
    }
}
