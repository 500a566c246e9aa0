using Winyx.Hosting.LocalServers;
using Winyx.Hosting.Processes;

namespace Winyx.Hosting.Orchestrator;

/// <summary>
/// The real executor: child processes through <see cref="ManagedProcess"/> (line capture, graceful
/// stop, no orphans), servers through their <see cref="LocalServer"/> launchers and in-process jobs
/// through <see cref="RunningJob"/>.
/// </summary>
public sealed class ProcessResourceExecutor : IResourceExecutor
{
    /// <inheritdoc />
    public async Task<IRunningResource> StartAsync(LaunchSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec switch
        {
            ProcessLaunchSpec process => await StartProcessAsync(process, cancellationToken).ConfigureAwait(false),
            ServerLaunchSpec server => await StartServerAsync(server, cancellationToken).ConfigureAwait(false),
            JobLaunchSpec job => RunningJob.Start(job),
            _ => throw new NotSupportedException($"No launcher for {spec.GetType().Name}."),
        };
    }

    private static async Task<IRunningResource> StartProcessAsync(ProcessLaunchSpec spec, CancellationToken cancellationToken)
    {
        var options = new ManagedProcessOptions(spec.FileName)
        {
            Arguments = spec.Arguments,
            Environment = spec.Environment.ToDictionary(kv => kv.Key, kv => (string?)kv.Value, StringComparer.Ordinal),
            WorkingDirectory = spec.WorkingDirectory,
            Output = spec.Output,
            LogFilePath = spec.LogFilePath,
            StopTimeout = spec.StopTimeout,
            DisplayName = spec.ReplicaIndex == 0 ? spec.ResourceName : $"{spec.ResourceName}-{spec.ReplicaIndex}",
            InstallHint = spec.InstallHint,
        };
        var process = await ManagedProcess.StartAsync(options, cancellationToken).ConfigureAwait(false);
        return new RunningProcess(process);
    }

    private static async Task<IRunningResource> StartServerAsync(ServerLaunchSpec spec, CancellationToken cancellationToken)
    {
        var server = spec.CreateServer();
        if (spec.Output is { } output)
        {
            server.Output.LineAdded += output.Add;
        }

        try
        {
            await server.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new RunningServer(server);
    }

    private sealed class RunningProcess(ManagedProcess process) : IRunningResource
    {
        public int? ProcessId => process.Id;

        public Task<int> Completion => process.Completion;

        public Task StopAsync(TimeSpan timeout) => process.StopAsync(timeout);
    }

    private sealed class RunningServer(LocalServer server) : IRunningResource
    {
        private readonly ManagedProcess _process = server.Process!;

        public int? ProcessId => _process.Id;

        public Task<int> Completion => _process.Completion;

        public async Task StopAsync(TimeSpan timeout)
        {
            // The server's own stop timeout applies (MariaDB needs longer than most to flush).
            await server.DisposeAsync().ConfigureAwait(false);
        }
    }
}
