using Winyx.Hosting.MySql;
using Winyx.Hosting.Redis;
using Winyx.Testing.LocalServers;

namespace Winyx.Testing;

/// <summary>A fixture server run by Winyx.Hosting's own launcher, in a directory removed afterwards.</summary>
internal sealed class LocalServerBackend(LocalServer server, string directory) : IServerBackend
{
    public bool IsContainer => false;

    public Task StartAsync(CancellationToken cancellationToken) => server.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => server.StopAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await server.DisposeAsync().ConfigureAwait(false);
        TestDirectories.Delete(directory);
    }
}
