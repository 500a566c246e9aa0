namespace Winyx.LoadTests.AlertProof.Fleet;

/// <summary>
/// The fleet an alert proof runs against: where its parts listen, how to reach its data stores, and
/// how to stop and start its resources. An isolated fleet is started by the proof itself
/// (<see cref="IsolatedFleet"/>).
/// </summary>
public interface IProofFleet : IAsyncDisposable
{
    /// <summary>The AppHost's <c>--time-scale</c>, which compresses every monitoring timing.</summary>
    double TimeScale { get; }

    /// <summary>The key the services' <c>/admin/chaos</c> API requires.</summary>
    string ChaosKey { get; }

    /// <summary>The base address of <paramref name="resource"/>'s endpoint <paramref name="endpointName"/>.</summary>
    Uri Endpoint(string resource, string endpointName = "http");

    /// <summary>The connection string Aspire gives services for <paramref name="resource"/> (<c>userdb</c>, <c>redis</c>).</summary>
    Task<string> ConnectionStringAsync(string resource, CancellationToken cancellationToken);

    /// <summary>An environment variable Aspire gives <paramref name="resource"/>.</summary>
    Task<string> EnvironmentAsync(string resource, string name, CancellationToken cancellationToken);

    /// <summary>Stops <paramref name="resource"/> (the dashboard's Stop).</summary>
    Task StopAsync(string resource, CancellationToken cancellationToken);

    /// <summary>Starts <paramref name="resource"/> again and waits until it is healthy.</summary>
    Task StartAsync(string resource, CancellationToken cancellationToken);

    /// <summary>Runs a resource command (<c>backup-now</c>, …); throws when it fails.</summary>
    Task CommandAsync(string resource, string command, CancellationToken cancellationToken);
}
