using Winyx.Hosting.MySql;
using Winyx.Hosting.Executables;
using Winyx.Testing.Processes;

namespace Winyx.Testing.LocalServers;

/// <summary>
/// A real server (MariaDB, Redis, …) run as a supervised local process: prepare its files, start
/// it, poll until it answers, run its set-up, and stop it gracefully. The port is fixed for the
/// life of the object, so a stop/start keeps clients' connection strings valid. Output is kept
/// in one buffer across restarts.
/// </summary>
public abstract class LocalServer : IAsyncDisposable
{
    private const int DiagnosticLines = 25;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ManagedProcess? _process;
    private bool _disposed;

    /// <summary>Creates the server; nothing runs until <see cref="StartAsync"/>.</summary>
    protected LocalServer(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>The server's name in messages (for example <c>mariadb</c>).</summary>
    public string Name { get; }

    /// <summary>The TCP port on 127.0.0.1.</summary>
    public abstract int Port { get; }

    /// <summary>Everything the server wrote to stdout/stderr, across restarts.</summary>
    public ProcessOutputBuffer Output { get; } = new();

    /// <summary>The current process, or null before the first start.</summary>
    public ManagedProcess? Process => _process;

    /// <summary>True while the process runs.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>How long <see cref="StartAsync"/> waits for the server to answer.</summary>
    protected abstract TimeSpan StartTimeout { get; }

    /// <summary>
    /// Starts the server and returns once it answers and its set-up ran. Does nothing when it is
    /// already running. Throws <see cref="MissingExecutableException"/> when the binary is not
    /// installed and <see cref="LocalServerStartException"/> when it does not come up.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (IsRunning)
            {
                return;
            }

            await PrepareAsync(cancellationToken).ConfigureAwait(false);
            var options = CreateProcessOptions() with { Output = Output };
            _process = await ManagedProcess.StartAsync(options, cancellationToken).ConfigureAwait(false);
            await BecomeReadyAsync(_process, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops the server gracefully (SIGTERM, SIGKILL after its stop timeout).</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_process is { } process)
            {
                await process.StopAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await StopAsync().ConfigureAwait(false);
        if (_process is { } process)
        {
            await process.DisposeAsync().ConfigureAwait(false);
        }

        _gate.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Creates files the server needs before its first start (data directories).</summary>
    protected virtual Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The command that runs the server in the foreground.</summary>
    protected abstract ManagedProcessOptions CreateProcessOptions();

    /// <summary>One readiness probe; exceptions count as "not yet".</summary>
    protected abstract Task<bool> IsReadyAsync(CancellationToken cancellationToken);

    /// <summary>Set-up run once the server answers (users, databases); failures abort the start.</summary>
    protected virtual Task OnReadyAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Extra diagnostics for a failed start (for example an error-log file's tail).</summary>
    protected virtual string DiagnosticTail() => Output.TailText(DiagnosticLines);

    private async Task BecomeReadyAsync(ManagedProcess process, CancellationToken cancellationToken)
    {
        try
        {
            await PollingWait.UntilAsync(
                async ct => process.HasExited || await IsReadyAsync(ct).ConfigureAwait(false),
                StartTimeout,
                $"{Name} did not answer on 127.0.0.1:{Port}",
                cancellationToken: cancellationToken).ConfigureAwait(false);
            if (process.HasExited)
            {
                var exitCode = await process.Completion.ConfigureAwait(false);
                throw new LocalServerStartException(Name, $"the process exited with code {exitCode} before it was ready.", DiagnosticTail());
            }

            await OnReadyAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not LocalServerStartException and not OperationCanceledException)
        {
            await process.StopAsync().ConfigureAwait(false);
            throw new LocalServerStartException(Name, ex.Message, DiagnosticTail(), ex);
        }
        catch
        {
            await process.StopAsync().ConfigureAwait(false);
            throw;
        }
    }
}
