namespace Winyx.Hosting.Orchestrator;

/// <summary>
/// The runner of <see cref="JobLaunchSpec"/>: runs the job's loop on the thread pool; stopping
/// cancels it. Completes with 0 when stopped or done, 1 when the loop threw.
/// </summary>
internal sealed class RunningJob : IRunningResource
{
    private readonly CancellationTokenSource _stop = new();

    private RunningJob(JobLaunchSpec spec)
    {
        Completion = RunAsync(spec.Job, _stop.Token);
    }

    /// <inheritdoc />
    public int? ProcessId => null;

    /// <inheritdoc />
    public Task<int> Completion { get; }

    /// <summary>Starts the job.</summary>
    public static RunningJob Start(JobLaunchSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new RunningJob(spec);
    }

    /// <inheritdoc />
    public async Task StopAsync(TimeSpan timeout)
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        // The job stops its own children on cancellation; do not wait longer than asked.
        await Task.WhenAny(Completion, Task.Delay(timeout)).ConfigureAwait(false);
    }

    private static async Task<int> RunAsync(IBackgroundJob job, CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            await job.RunAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return 0;
        }
#pragma warning disable CA1031 // A job's crash is its exit code, as for a process; the supervisor restarts it.
        catch (Exception)
#pragma warning restore CA1031
        {
            return 1;
        }
    }
}
