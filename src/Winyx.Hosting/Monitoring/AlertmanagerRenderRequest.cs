namespace Winyx.Hosting.Monitoring;

/// <summary>What <see cref="AlertmanagerConfigRenderer"/> needs to render the running configuration.</summary>
/// <param name="TemplatePath">The repository's <c>monitoring/alertmanager/alertmanager.yml</c>.</param>
/// <param name="WebhookUrl">The receiver every route notifies (the dashboard's <c>/api/alerts/webhook</c>).</param>
public sealed record AlertmanagerRenderRequest(string TemplatePath, Uri WebhookUrl)
{
    /// <summary>A bearer token the webhook receiver expects; null for none. A secret.</summary>
    public string? WebhookBearerToken { get; init; }

    /// <summary>SMTP credentials; null renders no email receivers.</summary>
    public AlertmanagerSmtpSettings? Smtp { get; init; }

    /// <summary>The Slack webhook; null renders no Slack receivers.</summary>
    public AlertmanagerSlackSettings? Slack { get; init; }

    /// <summary>Divides the routing timings (group_wait, group_interval, repeat_interval, resolve_timeout).</summary>
    public MonitoringTimeScale TimeScale { get; init; } = MonitoringTimeScale.Production;

    /// <inheritdoc />
    public override string ToString() =>
        $"AlertmanagerRenderRequest {{ TemplatePath = {TemplatePath}, WebhookUrl = {WebhookUrl}, WebhookBearerToken = {(WebhookBearerToken is null ? "none" : "***")}, Smtp = {Smtp?.ToString() ?? "none"}, Slack = {Slack?.ToString() ?? "none"}, TimeScale = {TimeScale.Factor} }}";
}
