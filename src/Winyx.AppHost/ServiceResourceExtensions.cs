using System.Net.Http.Json;
using Aspire.Hosting.ApplicationModel;
using Winyx.Hosting.Configuration;

namespace Winyx.AppHost;

/// <summary>How the Winyx services are exposed and driven: loopback endpoints and the chaos switch.</summary>
internal static class ServiceResourceExtensions
{
    // The chaos the dashboard's "Chaos on" command sets: half of every route's requests fail.
    private static readonly object ChaosOn = new { errorRatio = 0.5, latencyMs = 0 };

    /// <summary>
    /// An HTTP endpoint bound on 127.0.0.1 without Aspire's proxy: a stopped service refuses
    /// connections at once, so callers fail fast instead of waiting out their deadline.
    /// <paramref name="portVariable"/> hands the port to the app itself (UserRpc's management port)
    /// instead of through <c>ASPNETCORE_URLS</c>.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithServiceEndpoint(this IResourceBuilder<ProjectResource> builder, string name, int port, string? portVariable = null, bool http2Only = false) =>
        builder
            .WithHttpEndpoint(port: port, name: name, env: portVariable, isProxied: false)
            .WithEndpoint(name, endpoint =>
            {
                endpoint.TargetHost = "127.0.0.1";
                endpoint.Transport = http2Only ? "http2" : endpoint.Transport;
            });

    /// <summary>A named link beside the endpoint's own, e.g. the Api's Scalar page.</summary>
    public static IResourceBuilder<ProjectResource> WithRelativeUrl(this IResourceBuilder<ProjectResource> builder, string path, string displayText, string endpointName = "http")
    {
        var endpoint = builder.GetEndpoint(endpointName);
        return builder.WithUrl(ReferenceExpression.Create($"{endpoint.Property(EndpointProperty.Url)}{path}"), displayText);
    }

    /// <summary>
    /// The services' fault-injection switch: <c>Chaos__Enabled</c> (true under <c>--profile test</c>,
    /// which <c>--isolated</c> implies), <c>Chaos__Key</c>, and "Chaos on"/"Chaos off" commands in the
    /// dashboard that call the service's <c>/admin/chaos</c> with the key.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithChaos(this IResourceBuilder<ProjectResource> builder, IResourceBuilder<ParameterResource> key, string endpointName = "http")
    {
        var enabled = builder.ApplicationBuilder.GetWinyxOptions().IsTestProfile;
        builder
            .WithEnvironment("Chaos__Enabled", enabled ? "true" : "false")
            .WithEnvironment("Chaos__Key", key);
        if (!enabled)
        {
            return builder;
        }

        return builder
            .WithChaosCommand("chaos-on", "Chaos on", HttpMethod.Put, endpointName, key, ChaosOn)
            .WithChaosCommand("chaos-off", "Chaos off", HttpMethod.Delete, endpointName, key, body: null);
    }

    private static IResourceBuilder<ProjectResource> WithChaosCommand(this IResourceBuilder<ProjectResource> builder, string name, string displayName, HttpMethod method, string endpointName, IResourceBuilder<ParameterResource> key, object? body) =>
        builder.WithHttpCommand("/admin/chaos", displayName, endpointName: endpointName, commandName: name, commandOptions: new HttpCommandOptions
        {
            Method = method,
            IconName = name == "chaos-on" ? "Flash" : "FlashOff",
            PrepareRequest = async context =>
            {
                context.Request.Headers.Add("X-Chaos-Key", await key.Resource.GetValueAsync(context.CancellationToken).ConfigureAwait(false));
                if (body is not null)
                {
                    context.Request.Content = JsonContent.Create(body);
                }
            },
        });
}
