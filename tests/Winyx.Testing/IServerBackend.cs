namespace Winyx.Testing;

/// <summary>How a fixture's server runs: a local process or a container.</summary>
internal interface IServerBackend : IAsyncDisposable
{
    /// <summary>True for a Testcontainers container, false for a local process.</summary>
    bool IsContainer { get; }

    /// <summary>Starts the (stopped) server again on the same port with the same data.</summary>
    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>Stops the server gracefully, keeping its data.</summary>
    Task StopAsync(CancellationToken cancellationToken);
}
