using System.Collections.Concurrent;
using System.Diagnostics;

namespace Winyx.Testing.Processes;

/// <summary>
/// Starts every child process from one dedicated, never-ending thread. Linux's parent-death
/// signal (see <see cref="ChildProcessGuard"/>) fires when the forking <em>thread</em> exits, and
/// .NET forks on the calling thread: a child started from a thread-pool thread would be killed
/// the moment the pool retires that thread. A single background thread fed by a queue lives
/// exactly as long as the process, which is the lifetime we want the children tied to.
/// </summary>
public sealed class ProcessLauncher
{
    private readonly BlockingCollection<LaunchRequest> _requests = [];
    private readonly Thread _thread;

    private ProcessLauncher()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "Winyx process launcher" };
        _thread.Start();
    }

    /// <summary>The process-wide launcher.</summary>
    public static ProcessLauncher Shared { get; } = new();

    /// <summary>The managed id of the launcher thread (every fork happens on it).</summary>
    public int ThreadId => _thread.ManagedThreadId;

    /// <summary>Starts <paramref name="startInfo"/> on the launcher thread.</summary>
    public Task<Process> StartAsync(ProcessStartInfo startInfo)
    {
        ArgumentNullException.ThrowIfNull(startInfo);
        var request = new LaunchRequest(startInfo, new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously));
        _requests.Add(request);
        return request.Completion.Task;
    }

    private void Run()
    {
        foreach (var request in _requests.GetConsumingEnumerable())
        {
            var process = new Process { StartInfo = request.StartInfo };
            try
            {
                process.Start();
                request.Completion.SetResult(process);
            }
            catch (Exception ex)
            {
                process.Dispose();
                request.Completion.SetException(ex);
            }
        }
    }

    private sealed record LaunchRequest(ProcessStartInfo StartInfo, TaskCompletionSource<Process> Completion);
}
