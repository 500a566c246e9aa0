using System.Diagnostics;
using Winyx.Hosting.Executables;
using Winyx.Testing.Processes;
using Xunit;

namespace Winyx.Testing;

/// <summary>
/// The shared life cycle of the infrastructure fixtures: a container when a Docker engine
/// answers (falling back to a local process if the container cannot start and the binary is
/// installed), else a local process on a free port in a throwaway directory; stop/start on the
/// same port with the same data; everything removed on dispose.
/// </summary>
public abstract class ServerFixture : IAsyncLifetime
{
    private IServerBackend? _backend;

    /// <summary>The server's TCP port on 127.0.0.1 (fixed for the fixture's life).</summary>
    public int Port { get; } = PortAllocator.GetFreePort();

    /// <summary>True when the server runs in a container rather than as a local process.</summary>
    public bool UsesContainer => Backend.IsContainer;

    /// <summary>How long <see cref="InitializeAsync"/> took (for benchmarks; never assert on it).</summary>
    public TimeSpan StartupDuration { get; private set; }

    /// <summary>The local binary the fixture runs without a container (for messages and fallback).</summary>
    protected abstract string LocalExecutable { get; }

    private IServerBackend Backend => _backend ?? throw new InvalidOperationException($"{GetType().Name} is not initialised.");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var stopwatch = Stopwatch.StartNew();
        _backend = await DockerEngine.IsReachableAsync().ConfigureAwait(false)
            ? await StartContainerOrLocalAsync().ConfigureAwait(false)
            : await StartLocalAsync().ConfigureAwait(false);
        StartupDuration = stopwatch.Elapsed;
    }

    /// <summary>Stops the server gracefully, keeping port and data (for "dependency down" tests).</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => Backend.StopAsync(cancellationToken);

    /// <summary>Starts the stopped server again on the same port with the same data.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default) => Backend.StartAsync(cancellationToken);

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_backend is not null)
        {
            await _backend.DisposeAsync().ConfigureAwait(false);
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Starts the server as a local process on <see cref="Port"/>.</summary>
    private protected abstract Task<IServerBackend> StartLocalAsync();

    /// <summary>Starts the server in a container bound to <see cref="Port"/>.</summary>
    private protected abstract Task<IServerBackend> StartContainerAsync();

    private async Task<IServerBackend> StartContainerOrLocalAsync()
    {
        try
        {
            return await StartContainerAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ExecutableLocator.Find(LocalExecutable) is not null)
        {
            // An engine without the image and without a registry is common offline: the local
            // server serves the same tests.
            Console.Error.WriteLine($"{GetType().Name}: container start failed ({ex.Message}); using local {LocalExecutable}.");
            return await StartLocalAsync().ConfigureAwait(false);
        }
    }
}
