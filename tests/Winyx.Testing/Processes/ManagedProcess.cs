using Winyx.Hosting.Executables;
using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Winyx.Testing.Processes;

/// <summary>
/// A supervised child process: started under <see cref="ChildProcessGuard"/> from the
/// <see cref="ProcessLauncher"/> thread, its output captured line by line into a
/// <see cref="ProcessOutputBuffer"/> (and optionally a log file), stopped gracefully (SIGTERM to
/// its whole process group, SIGKILL after a timeout), and never left behind as an orphan.
/// </summary>
/// <example>
/// <code>
/// await using var redis = await ManagedProcess.StartAsync(new("redis-server") { Arguments = ["--port", "6380"] });
/// Console.WriteLine(redis.Output.TailText(5));
/// </code>
/// </example>
public sealed class ManagedProcess : IAsyncDisposable
{
    // Grandchildren may keep our pipes open after the child exits; wait this long for the tail of
    // the output, then report the exit anyway.
    private static readonly TimeSpan OutputDrainGrace = TimeSpan.FromSeconds(1);
    private const int MaxLineLength = 32 * 1024;

    private readonly Process _process;
    private readonly ManagedProcessOptions _options;
    private readonly bool _ownsProcessGroup;
    private readonly ProcessLog? _log;
    private readonly Lock _stopGate = new();
    private Task<int>? _stopping;

    private ManagedProcess(Process process, ManagedProcessOptions options, bool ownsProcessGroup, ProcessLog? log)
    {
        _process = process;
        _options = options;
        _ownsProcessGroup = ownsProcessGroup;
        _log = log;
        Name = options.DisplayName ?? Path.GetFileName(options.FileName);
        Output = options.Output ?? new ProcessOutputBuffer(options.OutputCapacity);
        Id = process.Id;
        StartedAt = DateTimeOffset.UtcNow;
        var stdout = PumpAsync(process.StandardOutput, OutputStreamKind.StandardOutput);
        var stderr = PumpAsync(process.StandardError, OutputStreamKind.StandardError);
        Completion = WatchExitAsync(stdout, stderr);
    }

    /// <summary>The name used in messages.</summary>
    public string Name { get; }

    /// <summary>The child's process id (also its process-group id when the guard applies).</summary>
    public int Id { get; }

    /// <summary>When the child was started.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>The captured output.</summary>
    public ProcessOutputBuffer Output { get; }

    /// <summary>Completes with the exit code once the child has exited (128 + n when killed by signal n).</summary>
    public Task<int> Completion { get; }

    /// <summary>True once the child has exited.</summary>
    public bool HasExited => Completion.IsCompleted;

    /// <summary>The exit code, or null while running.</summary>
    public int? ExitCode => Completion.IsCompletedSuccessfully ? Completion.Result : null;

    /// <summary>
    /// Starts a child process. Throws <see cref="MissingExecutableException"/> (with the install
    /// hint) when the executable is not installed.
    /// </summary>
    public static async Task<ManagedProcess> StartAsync(ManagedProcessOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        cancellationToken.ThrowIfCancellationRequested();
        var executable = ExecutableLocator.Require(options.FileName, options.InstallHint);
        var startInfo = CreateStartInfo(executable, options);
        var log = options.LogFilePath is null ? null : new ProcessLog(options.LogFilePath);
        Process process;
        try
        {
            // Not cancellable once queued: a start that completes after cancellation would leak a child.
            process = await ProcessLauncher.Shared.StartAsync(startInfo).ConfigureAwait(false);
        }
        catch (Win32Exception ex)
        {
            log?.Dispose();
            throw new InvalidOperationException($"Could not start '{executable}': {ex.Message}", ex);
        }

        // Children get an empty stdin: none of them is interactive, and a child in its own session
        // must never try to read our terminal.
        process.StandardInput.Close();
        return new ManagedProcess(process, options, ChildProcessGuard.IsSupported, log);
    }

    /// <summary>
    /// Stops the child: SIGTERM to its process group, then SIGKILL when it has not exited after
    /// <paramref name="timeout"/> (default <see cref="ManagedProcessOptions.StopTimeout"/>).
    /// Idempotent; concurrent callers share one stop. Returns the exit code.
    /// </summary>
    public Task<int> StopAsync(TimeSpan? timeout = null)
    {
        lock (_stopGate)
        {
            return _stopping ??= StopCoreAsync(timeout ?? _options.StopTimeout);
        }
    }

    /// <summary>SIGKILLs the child and its process group at once (simulates a crash).</summary>
    public void Kill() => Signal(NativeMethods.SigKill);

    /// <summary>Sends SIGTERM without waiting (the orchestrator's own stop sequencing uses it).</summary>
    public void RequestStop() => Signal(NativeMethods.SigTerm);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _process.Dispose();
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} (pid {Id})";

    private static ProcessStartInfo CreateStartInfo(string executable, ManagedProcessOptions options)
    {
        var (fileName, arguments) = ChildProcessGuard.Wrap(executable, options.Arguments);
        var startInfo = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = options.WorkingDirectory ?? string.Empty,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in options.Environment)
        {
            if (value is null)
            {
                startInfo.Environment.Remove(name);
            }
            else
            {
                startInfo.Environment[name] = value;
            }
        }

        return startInfo;
    }

    private async Task<int> StopCoreAsync(TimeSpan timeout)
    {
        if (!HasExited)
        {
            Signal(NativeMethods.SigTerm);
            try
            {
                await Completion.WaitAsync(timeout).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                Signal(NativeMethods.SigKill);
            }
        }

        return await Completion.ConfigureAwait(false);
    }

    private void Signal(int signal)
    {
        if (HasExited)
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            _process.Kill(entireProcessTree: true);
            return;
        }

        // Negative pid = the whole group: helpers a child spawned (sh -c pipelines, workers) stop with it.
        // Right after a start the child may not have called setsid yet, so the group does not exist:
        // then signal the child itself rather than lose the request.
        if (_ownsProcessGroup && NativeMethods.TrySignal(-Id, signal))
        {
            return;
        }

        NativeMethods.TrySignal(Id, signal);
    }

    private async Task PumpAsync(StreamReader reader, OutputStreamKind stream)
    {
        // Yield first so the constructor never runs a read synchronously.
        await Task.Yield();
        try
        {
            while (await reader.ReadLineAsync().ConfigureAwait(false) is { } text)
            {
                if (text.Length > MaxLineLength)
                {
                    text = string.Concat(text.AsSpan(0, MaxLineLength), "…");
                }

                _log?.Write(text);
                Output.Add(new OutputLine(DateTimeOffset.UtcNow, stream, text));
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            // The pipe went away with a disposed process: the output simply ends here.
        }
    }

    private async Task<int> WatchExitAsync(Task stdout, Task stderr)
    {
        await _process.WaitForExitAsync().ConfigureAwait(false);
        var exitCode = _process.ExitCode;
        if (_ownsProcessGroup)
        {
            // The leader is gone; anything still in its group would be an orphan.
            NativeMethods.TrySignal(-Id, NativeMethods.SigKill);
        }

        await Task.WhenAny(Task.WhenAll(stdout, stderr), Task.Delay(OutputDrainGrace)).ConfigureAwait(false);
        _log?.Dispose();
        return exitCode;
    }
}
