using DotNet.Testcontainers.Containers;

namespace Winyx.Testing;

/// <summary>A fixture server in a Testcontainers container bound to a fixed host port.</summary>
internal sealed class ContainerBackend(IContainer container) : IServerBackend
{
    public bool IsContainer => true;

    public Task StartAsync(CancellationToken cancellationToken) => container.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => container.StopAsync(cancellationToken);

    public ValueTask DisposeAsync() => container.DisposeAsync();
}
