using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Winyx.Hosting.Configuration;
using Winyx.Hosting.Monitoring;

namespace Winyx.Hosting.Alertmanager;

/// <summary><c>AddAlertmanager</c>, <c>WithConfigDirectory</c>, <c>WithWebhook</c>.</summary>
public static class AlertmanagerBuilderExtensions
{
    /// <summary>
    /// Adds Alertmanager on 127.0.0.1 (unproxied), its configuration rendered before each start.
    /// No cluster port (<c>--cluster.listen-address=</c>, else it binds 9094 on every interface).
    /// Scraped as job <c>alertmanager</c>; healthy when <c>/-/ready</c> answers.
    /// </summary>
    /// <example><code>builder.AddAlertmanager("alertmanager", port: 9093).WithConfigDirectory("../../monitoring/alertmanager");</code></example>
    public static IResourceBuilder<AlertmanagerResource> AddAlertmanager(this IDistributedApplicationBuilder builder, [ResourceName] string name, int? port = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var scale = new MonitoringTimeScale(builder.GetWinyxOptions().TimeScale);
        var alertmanager = new AlertmanagerResource(name, builder.GetDataDirectory(name));
        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(alertmanager, (_, ct) => AlertmanagerConfigWriter.WriteAsync(alertmanager, builder.Configuration, scale, ct));

        return builder.AddResource(alertmanager)
            .WithHttpEndpoint(port: port, name: AlertmanagerResource.PrimaryEndpointName, isProxied: false)
            .WithArgs(context =>
            {
                context.Args.Add($"--config.file={alertmanager.ConfigFilePath}");
                context.Args.Add($"--storage.path={Path.Combine(alertmanager.DataDirectory, "data")}");
                context.Args.Add(ReferenceExpression.Create($"--web.listen-address=127.0.0.1:{alertmanager.PrimaryEndpoint.Property(EndpointProperty.TargetPort)}"));
                context.Args.Add(ReferenceExpression.Create($"--web.external-url={alertmanager.PrimaryEndpoint.Property(EndpointProperty.Url)}/"));
                context.Args.Add("--cluster.listen-address=");
            })
            .WithMetricsEndpoint("alertmanager")
            .WithHttpHealthCheck("/-/ready")
            .WithIconName("AlertUrgent")
            .WithUrlForEndpoint(AlertmanagerResource.PrimaryEndpointName, url => url.DisplayText = "Alertmanager");
    }

    /// <summary>Uses <c>alertmanager.yml</c> and its templates from <paramref name="directory"/> (relative to the AppHost).</summary>
    /// <example><code>alertmanager.WithConfigDirectory("../../monitoring/alertmanager");</code></example>
    public static IResourceBuilder<AlertmanagerResource> WithConfigDirectory(this IResourceBuilder<AlertmanagerResource> builder, string directory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var full = Path.GetFullPath(directory, builder.ApplicationBuilder.AppHostDirectory);
        if (!File.Exists(Path.Combine(full, "alertmanager.yml")))
        {
            throw new DistributedApplicationException($"Alertmanager '{builder.Resource.Name}': no alertmanager.yml in {full}.");
        }

        builder.Resource.ConfigDirectory = full;
        return builder;
    }

    /// <summary>
    /// Points every receiver's webhook at <paramref name="path"/> on <paramref name="target"/>'s
    /// <c>http</c> endpoint, authenticated with <paramref name="token"/> as a bearer token.
    /// </summary>
    /// <example><code>alertmanager.WithWebhook(alerts, "/api/alertmanager/webhook", webhookToken);</code></example>
    public static IResourceBuilder<AlertmanagerResource> WithWebhook<T>(this IResourceBuilder<AlertmanagerResource> builder, IResourceBuilder<T> target, string path, IResourceBuilder<ParameterResource> token)
        where T : IResourceWithEndpoints
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(token);
        var endpoint = target.GetEndpoint("http");
        builder.Resource.WebhookUrl = ReferenceExpression.Create($"{endpoint.Property(EndpointProperty.Url)}{path}");
        builder.Resource.WebhookToken = token.Resource;
        return builder.WithRelationship(target.Resource, "Webhook");
    }
}
