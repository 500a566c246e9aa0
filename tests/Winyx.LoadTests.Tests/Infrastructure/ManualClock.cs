using Winyx.LoadTests.Scheduling;

namespace Winyx.LoadTests.Tests.Infrastructure;

/// <summary>A clock that moves only when a test advances it; waits end when it passes their deadline.</summary>
internal sealed class ManualClock : IClock
{
    private readonly object _lock = new();
    private readonly List<(TimeSpan Deadline, TaskCompletionSource Done)> _waiters = [];
    private TimeSpan _now;

    public TimeSpan Now
    {
        get
        {
            lock (_lock)
            {
                return _now;
            }
        }
    }

    public void Advance(TimeSpan by)
    {
        List<TaskCompletionSource> due;
        lock (_lock)
        {
            _now += by;
            due = _waiters.Where(w => w.Deadline <= _now).Select(w => w.Done).ToList();
            _waiters.RemoveAll(w => w.Deadline <= _now);
            Monitor.PulseAll(_lock);
        }

        due.ForEach(d => d.TrySetResult());
    }

    public void WaitUntil(TimeSpan deadline, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            while (_now < deadline && !cancellationToken.IsCancellationRequested)
            {
                Monitor.Wait(_lock, TimeSpan.FromMilliseconds(20));
            }
        }
    }

    public Task DelayUntilAsync(TimeSpan deadline, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_now >= deadline)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            cancellationToken.Register(() => done.TrySetCanceled(cancellationToken));
            _waiters.Add((deadline, done));
            return done.Task;
        }
    }
}
