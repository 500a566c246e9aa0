using System.Collections.Concurrent;
using System.Diagnostics;

namespace Winyx.ServiceDefaults.Tests.Infrastructure;

/// <summary>Records the ASP.NET Core request activities that stop while it is alive.</summary>
internal sealed class ActivityRecorder : IDisposable
{
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener;

    public ActivityRecorder()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IEnumerable<Activity> Stopped => _stopped;

    public void Dispose() => _listener.Dispose();
}
