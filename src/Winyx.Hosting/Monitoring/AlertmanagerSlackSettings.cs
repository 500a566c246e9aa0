namespace Winyx.Hosting.Monitoring;

/// <summary>
/// The Slack incoming-webhook URL (a secret: anyone holding it can post). Given → the template's
/// <c>slack_configs</c> stay and <c>slack_api_url</c> is set; not given → no Slack at all.
/// <see cref="ToString"/> never shows the URL.
/// </summary>
/// <param name="WebhookUrl">The incoming-webhook URL.</param>
public sealed record AlertmanagerSlackSettings(Uri WebhookUrl)
{
    /// <inheritdoc />
    public override string ToString() => "AlertmanagerSlackSettings { WebhookUrl = *** }";
}
