using Microsoft.Extensions.Logging;
using Winyx.Hosting.ApplicationModel;
using Winyx.Hosting.Lifecycle;
using Winyx.Hosting.Processes;

namespace Winyx.Hosting.Orchestrator;

/// <summary>
/// Runs one resource: resolves how it runs (or that it is Missing), waits for its dependencies,
/// launches every copy, supervises them (restart with backoff after a crash) and stops them on
/// request. Every change goes to the state store as a new snapshot.
/// </summary>
internal sealed class ResourceController
{
    private readonly OrchestratorServices _services;
    private readonly ReplicaStates _replicas;
    private readonly Lock _gate = new();
    private CancellationTokenSource? _run;
    private Task _runTask = Task.CompletedTask;

    public ResourceController(IResource resource, OrchestratorServices services)
    {
        Resource = resource;
        _services = services;
        _replicas = new ReplicaStates(resource.Name, resource.ReplicaCount(), services.Notifications);
    }

    public IResource Resource { get; }

    public string Name => Resource.Name;

    /// <summary>Starts the resource unless it is already starting or running.</summary>
    public void Start()
    {
        lock (_gate)
        {
            if (!_runTask.IsCompleted)
            {
                return;
            }

            _run?.Dispose();
            _run = new CancellationTokenSource();
            var token = _run.Token;
            _runTask = Task.Run(() => RunAsync(token), CancellationToken.None);
        }
    }

    /// <summary>Stops every copy gracefully and returns once they have exited.</summary>
    public async Task StopAsync()
    {
        Task runTask;
        lock (_gate)
        {
            _run?.Cancel();
            runTask = _runTask;
        }

        await runTask.ConfigureAwait(false);
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            var availability = await _services.Availability.ResolveAsync(Resource).ConfigureAwait(false);
            if (availability.Mode is not { } mode)
            {
                _replicas.SetAll(r => r with { State = KnownResourceStates.Missing, Message = availability.MissingHint });
                return;
            }

            await _services.Dependencies.WaitAsync(Resource, _replicas.SetWaiting, cancellationToken).ConfigureAwait(false);
            await EnsureBuiltAsync(cancellationToken).ConfigureAwait(false);
            var replicas = Enumerable.Range(0, Resource.ReplicaCount()).Select(i => SuperviseAsync(i, mode, cancellationToken));
            await Task.WhenAll(replicas).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _replicas.MarkStopped();
        }
        catch (ResourceStartException ex)
        {
            _services.Logger.LogInformation("{Resource} failed to start: {Reason}", Name, ex.Message);
            _replicas.SetAll(r => r with { State = KnownResourceStates.FailedToStart, Message = ex.Message });
        }
        catch (Exception ex)
        {
            _services.Logger.LogError(ex, "{Resource} failed", Name);
            _replicas.SetAll(r => r with { State = KnownResourceStates.FailedToStart, Message = ex.Message });
        }
    }

    private async Task EnsureBuiltAsync(CancellationToken cancellationToken)
    {
        if (Resource is not ProjectResource)
        {
            return;
        }

        var build = await _services.Build().WaitAsync(cancellationToken).ConfigureAwait(false);
        if (!build.Succeeded)
        {
            throw new ResourceStartException(build.Message);
        }
    }

    private async Task SuperviseAsync(int replica, LaunchMode mode, CancellationToken cancellationToken)
    {
        var policy = Resource.LastAnnotation<RestartPolicyAnnotation>() ?? RestartPolicyAnnotation.DefaultFor(Resource);
        var consecutive = 0;
        while (true)
        {
            var run = await LaunchAsync(replica, mode, cancellationToken).ConfigureAwait(false);
            if (run is null)
            {
                return;
            }

            var startedAt = DateTimeOffset.UtcNow;
            var exitCode = await WaitForExitOrStopAsync(replica, run, cancellationToken).ConfigureAwait(false);
            if (DateTimeOffset.UtcNow - startedAt > RestartBackoff.StableAfter)
            {
                consecutive = 0;
            }

            if (!RestartBackoff.ShouldRestart(policy, exitCode, consecutive))
            {
                _replicas.Set(replica, r => r with { State = KnownResourceStates.Exited, ExitCode = exitCode, ProcessId = null, RestartPending = false, Message = $"exited with code {exitCode}" });
                return;
            }

            var delay = RestartBackoff.Delay(policy, consecutive++);
            _services.Logger.LogInformation("{Resource} exited with code {ExitCode}; restarting in {Delay}", Name, exitCode, delay);
            _replicas.Set(replica, r => r with { State = KnownResourceStates.Exited, ExitCode = exitCode, ProcessId = null, RestartPending = true, Message = $"exited with code {exitCode}; restarting in {delay.TotalSeconds:0.#} s" });
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            _replicas.Set(replica, r => r with { RestartCount = r.RestartCount + 1 });
        }
    }

    private async Task<IRunningResource?> LaunchAsync(int replica, LaunchMode mode, CancellationToken cancellationToken)
    {
        _replicas.Set(replica, r => r with { State = KnownResourceStates.Starting, ExitCode = null, StoppedByRequest = false, Message = null });
        try
        {
            var launch = new ResourceLaunchContext(Resource, replica, _services.ExecutionContext, mode, cancellationToken);
            foreach (var hook in Resource.AnnotationsOf<BeforeStartAnnotation>())
            {
                await hook.Callback(launch).ConfigureAwait(false);
            }

            var spec = await _services.SpecFactory.CreateAsync(Resource, replica, mode, cancellationToken).ConfigureAwait(false);
            var run = await _services.Executor.StartAsync(spec, cancellationToken).ConfigureAwait(false);
            _replicas.Set(replica, r => r with { State = KnownResourceStates.Running, ProcessId = run.ProcessId, StartedAt = DateTimeOffset.UtcNow, RestartPending = false });
            return run;
        }
        catch (MissingExecutableException ex)
        {
            _replicas.Set(replica, r => r with { State = KnownResourceStates.Missing, Message = ex.InstallHint ?? ex.Message });
            return null;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            _services.Logger.LogInformation("{Resource} failed to start: {Reason}", Name, ex.Message);
            _replicas.Set(replica, r => r with { State = KnownResourceStates.FailedToStart, Message = ex.Message });
            return null;
        }
    }

    private async Task<int> WaitForExitOrStopAsync(int replica, IRunningResource run, CancellationToken cancellationToken)
    {
        var stopRequested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (cancellationToken.Register(() => stopRequested.TrySetResult()))
        {
            await Task.WhenAny(run.Completion, stopRequested.Task).ConfigureAwait(false);
        }

        if (!run.Completion.IsCompleted)
        {
            _replicas.Set(replica, r => r with { State = KnownResourceStates.Stopping, StoppedByRequest = true });
            await run.StopAsync(_services.ExecutionContext.Options.StopTimeout).ConfigureAwait(false);
            var stopped = await run.Completion.ConfigureAwait(false);
            _replicas.Set(replica, r => r with { State = KnownResourceStates.Exited, ExitCode = stopped, ProcessId = null, Message = "stopped" });
            cancellationToken.ThrowIfCancellationRequested();
        }

        // Exited on its own: release whatever the launcher still holds (a server's handles).
        await run.StopAsync(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
        return await run.Completion.ConfigureAwait(false);
    }
}
