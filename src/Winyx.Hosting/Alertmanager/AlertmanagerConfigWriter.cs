using Microsoft.Extensions.Configuration;
using Winyx.Hosting.Monitoring;

namespace Winyx.Hosting.Alertmanager;

/// <summary>
/// Renders Alertmanager's configuration before each start from the repository's template: the
/// webhook (with its token) in every receiver, email and Slack only when their secrets are
/// configured (<c>Parameters:alertmanager-smtp-password</c>, <c>Parameters:alertmanager-slack-url</c>),
/// timings divided by <c>--time-scale</c>. The file is user-only: it may hold secrets.
/// </summary>
internal static class AlertmanagerConfigWriter
{
    private const string MinimalTemplate = $"""
        # Written by Winyx.Hosting: no config directory was given, so every alert goes to the webhook.
        route:
          receiver: default
          group_by: ['alertname', 'service']
        receivers:
          - name: default
            webhook_configs:
              - url: '{AlertmanagerConfigRenderer.WebhookPlaceholder}'
                send_resolved: true
        """;

    public static async Task WriteAsync(AlertmanagerResource alertmanager, IConfiguration configuration, MonitoringTimeScale scale, CancellationToken cancellationToken)
    {
        var webhook = alertmanager.WebhookUrl is { } url
            ? new Uri(await url.GetValueAsync(cancellationToken).ConfigureAwait(false) ?? AlertmanagerConfigRenderer.WebhookPlaceholder)
            : new Uri(AlertmanagerConfigRenderer.WebhookPlaceholder);
        var request = new AlertmanagerRenderRequest(TemplatePath(alertmanager), webhook)
        {
            WebhookBearerToken = alertmanager.WebhookToken is { } token ? await token.GetValueAsync(cancellationToken).ConfigureAwait(false) : null,
            Smtp = configuration["Parameters:alertmanager-smtp-password"] is { Length: > 0 } smtp ? new AlertmanagerSmtpSettings(smtp) : null,
            Slack = configuration["Parameters:alertmanager-slack-url"] is { Length: > 0 } slack ? new AlertmanagerSlackSettings(new Uri(slack)) : null,
            TimeScale = scale,
        };
        AlertmanagerConfigRenderer.Render(request).WriteTo(alertmanager.ConfigFilePath);
    }

    private static string TemplatePath(AlertmanagerResource alertmanager)
    {
        if (alertmanager.ConfigDirectory is { } directory)
        {
            return Path.Combine(directory, "alertmanager.yml");
        }

        var minimal = Path.Combine(alertmanager.DataDirectory, "alertmanager.template.yml");
        File.WriteAllText(minimal, MinimalTemplate);
        return minimal;
    }
}
