using System.Collections.Concurrent;
using Winyx.Hosting.Orchestrator;

namespace Winyx.Hosting.Tests.Infrastructure;

/// <summary>An executor that starts nothing: it records launches and lets the test end them.</summary>
internal sealed class FakeExecutor : IResourceExecutor
{
    private readonly ConcurrentQueue<LaunchSpec> _launches = new();
    private readonly ConcurrentDictionary<string, FakeRun> _current = new(StringComparer.Ordinal);
    private int _nextPid = 1000;

    /// <summary>Every launch, in order.</summary>
    public IReadOnlyList<LaunchSpec> Launches => _launches.ToArray();

    /// <summary>The names of launched resources, in launch order.</summary>
    public IReadOnlyList<string> LaunchOrder => _launches.Select(l => l.ResourceName).ToArray();

    public Task<IRunningResource> StartAsync(LaunchSpec spec, CancellationToken cancellationToken)
    {
        var run = new FakeRun(Interlocked.Increment(ref _nextPid));
        _current[spec.ResourceName] = run;
        _launches.Enqueue(spec);
        return Task.FromResult<IRunningResource>(run);
    }

    /// <summary>The latest run of a resource.</summary>
    public FakeRun Current(string name) => _current[name];

    /// <summary>The latest launch spec of a process resource.</summary>
    public ProcessLaunchSpec LastSpec(string name) => _launches.OfType<ProcessLaunchSpec>().Last(l => l.ResourceName == name);
}
