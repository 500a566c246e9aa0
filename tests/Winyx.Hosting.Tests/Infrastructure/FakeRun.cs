using Winyx.Hosting.Orchestrator;

namespace Winyx.Hosting.Tests.Infrastructure;

/// <summary>A pretend process: runs until the test exits it or the orchestrator stops it.</summary>
internal sealed class FakeRun(int processId) : IRunningResource
{
    private readonly TaskCompletionSource<int> _exit = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int? ProcessId { get; } = processId;

    public Task<int> Completion => _exit.Task;

    public bool StopRequested { get; private set; }

    public void Exit(int code) => _exit.TrySetResult(code);

    public Task StopAsync(TimeSpan timeout)
    {
        StopRequested = true;
        _exit.TrySetResult(0);
        return Task.CompletedTask;
    }
}
