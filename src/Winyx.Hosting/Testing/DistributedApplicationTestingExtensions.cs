using System.Net.Http.Headers;
using Winyx.Hosting.ApplicationModel;

namespace Winyx.Hosting.Testing;

/// <summary>What tests ask of a running application: endpoints, HTTP clients, connection strings, resource control.</summary>
public static class DistributedApplicationTestingExtensions
{
    /// <summary>The URL of endpoint <paramref name="endpointName"/> of <paramref name="resourceName"/>.</summary>
    public static Uri GetEndpoint(this DistributedApplication app, string resourceName, string endpointName = "http")
    {
        ArgumentNullException.ThrowIfNull(app);
        var resource = app.Model.Find(resourceName);
        var endpoint = resource.FindEndpoint(endpointName)
            ?? throw new ArgumentException($"Resource '{resourceName}' has no endpoint named '{endpointName}'.", nameof(endpointName));
        return endpoint.IsAllocated
            ? new Uri(endpoint.Allocated[0].Url)
            : throw new InvalidOperationException($"The endpoints of '{resourceName}' are allocated when the application starts.");
    }

    /// <summary>An HttpClient whose base address is the resource's endpoint.</summary>
    public static HttpClient CreateHttpClient(this DistributedApplication app, string resourceName, string endpointName = "http") =>
        new() { BaseAddress = app.GetEndpoint(resourceName, endpointName), Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>An HttpClient for the control API, with the run's bearer token.</summary>
    public static HttpClient CreateControlApiClient(this DistributedApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var client = new HttpClient { BaseAddress = new Uri(app.Dashboard.Url), Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", app.Dashboard.Token);
        return client;
    }

    /// <summary>The connection string of a resource (what <c>WithReference</c> injects).</summary>
    public static async Task<string?> GetConnectionStringAsync(this DistributedApplication app, string resourceName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Model.Find(resourceName) is IResourceWithConnectionString resource
            ? await resource.GetConnectionStringAsync(cancellationToken).ConfigureAwait(false)
            : throw new ArgumentException($"Resource '{resourceName}' has no connection string.", nameof(resourceName));
    }

    /// <summary>Waits until every named resource is Running and healthy.</summary>
    public static Task WaitForResourcesHealthyAsync(this DistributedApplication app, IEnumerable<string> resourceNames, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        return Task.WhenAll(resourceNames.Select(n => app.ResourceNotifications.WaitForResourceHealthyAsync(n, cancellationToken)));
    }

    /// <summary>Stops a resource gracefully.</summary>
    public static Task StopResourceAsync(this DistributedApplication app, string resourceName) =>
        app.Orchestrator.StopResourceAsync(resourceName);

    /// <summary>Starts a stopped resource.</summary>
    public static Task StartResourceAsync(this DistributedApplication app, string resourceName) =>
        app.Orchestrator.StartResourceAsync(resourceName);
}
