using Microsoft.Extensions.Configuration;
using Winyx.Hosting.ApplicationModel;
using Winyx.Hosting.Monitoring;

namespace Winyx.Hosting.Infrastructure;

/// <summary>
/// Renders Alertmanager's configuration before each start from the repository's template: the
/// dashboard's webhook (with this run's token) in every receiver, email and Slack only when their
/// secrets are configured (<c>Parameters:alertmanager-smtp-password</c>, <c>Parameters:alertmanager-slack-url</c>),
/// timings divided by <c>--time-scale</c>. The file is user-only: it may hold secrets.
/// </summary>
public static class AlertmanagerConfigWriter
{
    private const string MinimalTemplate = $"""
        # Written by Winyx.Hosting: no config directory was given, so every alert goes to the dashboard.
        route:
          receiver: dashboard
          group_by: ['alertname', 'service']
        receivers:
          - name: dashboard
            webhook_configs:
              - url: '{AlertmanagerConfigRenderer.WebhookPlaceholder}'
                send_resolved: true
        """;

    /// <summary>The rendered file's path for a launch.</summary>
    public static string ConfigPath(ResourceLaunchContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Path.Combine(context.RunDirectory, "alertmanager.yml");
    }

    /// <summary>Renders and writes the configuration; returns its path.</summary>
    public static string Write(AlertmanagerResource alertmanager, IConfiguration configuration, ResourceLaunchContext launch)
    {
        ArgumentNullException.ThrowIfNull(alertmanager);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(launch);
        var dashboard = launch.ExecutionContext.Dashboard;
        var request = new AlertmanagerRenderRequest(TemplatePath(alertmanager, launch), new Uri(dashboard.AlertWebhookUrl))
        {
            WebhookBearerToken = dashboard.Token,
            Smtp = configuration["Parameters:alertmanager-smtp-password"] is { Length: > 0 } smtp ? new AlertmanagerSmtpSettings(smtp) : null,
            Slack = configuration["Parameters:alertmanager-slack-url"] is { Length: > 0 } slack ? new AlertmanagerSlackSettings(new Uri(slack)) : null,
            TimeScale = new MonitoringTimeScale(launch.ExecutionContext.TimeScale),
        };
        var path = ConfigPath(launch);
        AlertmanagerConfigRenderer.Render(request).WriteTo(path);
        return path;
    }

    private static string TemplatePath(AlertmanagerResource alertmanager, ResourceLaunchContext launch)
    {
        if (alertmanager.ConfigDirectory is { } directory)
        {
            return Path.Combine(directory, "alertmanager.yml");
        }

        var minimal = Path.Combine(launch.RunDirectory, "alertmanager.template.yml");
        File.WriteAllText(minimal, MinimalTemplate);
        return minimal;
    }
}
