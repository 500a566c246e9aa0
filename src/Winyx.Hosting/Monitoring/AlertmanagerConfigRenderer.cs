using YamlDotNet.RepresentationModel;

namespace Winyx.Hosting.Monitoring;

/// <summary>
/// Renders the running <c>alertmanager.yml</c> from the repository's template
/// (<c>monitoring/alertmanager/alertmanager.yml</c>):
/// <list type="bullet">
/// <item>every webhook whose url is <see cref="WebhookPlaceholder"/> gets the real webhook URL
/// (and the bearer token, when given); every receiver must have one, so no route can go
/// unseen by the dashboard and the load tests;</item>
/// <item><c>email_configs</c> and the <c>smtp_*</c> globals stay only when SMTP credentials are
/// given, <c>slack_configs</c> and <c>slack_api_url</c> only when a Slack URL is given;</item>
/// <item>relative template paths become absolute (the rendered file lives elsewhere);</item>
/// <item>the routing timings are divided by the time scale.</item>
/// </list>
/// Nothing is logged; the result redacts itself in <see cref="RenderedAlertmanagerConfig.ToString"/>.
/// </summary>
/// <example>
/// <code>
/// var config = AlertmanagerConfigRenderer.Render(new AlertmanagerRenderRequest(
///     Path.Combine(repo, "monitoring/alertmanager/alertmanager.yml"),
///     new Uri($"http://127.0.0.1:{dashboardPort}/api/alerts/webhook"))
/// {
///     Smtp = smtpPassword is null ? null : new AlertmanagerSmtpSettings(smtpPassword),
///     TimeScale = new MonitoringTimeScale(hosting.TimeScale),
/// });
/// config.WriteTo(Path.Combine(dataDir, "alertmanager.yml"));
/// </code>
/// </example>
public static class AlertmanagerConfigRenderer
{
    /// <summary>The webhook url in the template that stands for the real receiver.</summary>
    public const string WebhookPlaceholder = "http://winyx-webhook.invalid/alerts";

    private static readonly string[] SmtpGlobals =
        ["smtp_smarthost", "smtp_from", "smtp_hello", "smtp_auth_username", "smtp_auth_password", "smtp_auth_password_file", "smtp_auth_identity", "smtp_auth_secret", "smtp_require_tls"];

    private static readonly string[] RouteTimings = ["group_wait", "group_interval", "repeat_interval"];

    /// <summary>Renders the configuration.</summary>
    /// <exception cref="FileNotFoundException">The template does not exist.</exception>
    /// <exception cref="InvalidDataException">The template lacks a receiver section or a receiver lacks the placeholder webhook.</exception>
    public static RenderedAlertmanagerConfig Render(AlertmanagerRenderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.WebhookUrl.IsAbsoluteUri || request.WebhookUrl.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"The webhook URL '{request.WebhookUrl}' must be an absolute http(s) URL.", nameof(request));
        }

        var templatePath = Path.GetFullPath(request.TemplatePath);
        var root = YamlDocuments.LoadMapping(File.ReadAllText(templatePath), templatePath);
        var global = root.Mapping("global") ?? new YamlMappingNode();
        root.Children[new YamlScalarNode("global")] = global;

        var receivers = RenderReceivers(root, request, templatePath);
        ApplySmtp(global, request.Smtp);
        ApplySlack(global, request.Slack);
        ResolveTemplatePaths(root, Path.GetDirectoryName(templatePath)!);
        CompressTimings(root, global, request.TimeScale);

        var yaml = YamlDocuments.Save(root, $"Rendered by Winyx.Hosting's AlertmanagerConfigRenderer from {templatePath}. Do not edit.");
        var containsSecrets = request.Smtp is not null || request.Slack is not null || request.WebhookBearerToken is not null;
        return new RenderedAlertmanagerConfig(yaml, receivers, containsSecrets);
    }

    private static List<string> RenderReceivers(YamlMappingNode root, AlertmanagerRenderRequest request, string templatePath)
    {
        var receivers = root.Sequence("receivers")
            ?? throw new InvalidDataException($"{templatePath} has no 'receivers:' section.");
        var names = new List<string>();
        foreach (var receiver in receivers.Mappings())
        {
            var name = receiver.Scalar("name") ?? "(unnamed)";
            var webhooks = receiver.Sequence("webhook_configs").Mappings()
                .Where(webhook => webhook.Scalar("url") == WebhookPlaceholder)
                .ToList();
            if (webhooks.Count == 0)
            {
                throw new InvalidDataException(
                    $"Receiver '{name}' in {templatePath} has no webhook with url {WebhookPlaceholder}; every receiver must notify the Winyx webhook.");
            }

            foreach (var webhook in webhooks)
            {
                SetWebhook(webhook, request);
            }

            if (request.Smtp is null)
            {
                receiver.Remove("email_configs");
            }

            if (request.Slack is null)
            {
                receiver.Remove("slack_configs");
            }

            names.Add(name);
        }

        return names;
    }

    private static void SetWebhook(YamlMappingNode webhook, AlertmanagerRenderRequest request)
    {
        webhook.SetScalar("url", request.WebhookUrl.AbsoluteUri);
        if (request.WebhookBearerToken is { } token)
        {
            webhook.Children[new YamlScalarNode("http_config")] = new YamlMappingNode
            {
                { "authorization", new YamlMappingNode { { "type", "Bearer" }, { "credentials", YamlDocuments.Quoted(token) } } },
            };
        }
    }

    private static void ApplySmtp(YamlMappingNode global, AlertmanagerSmtpSettings? smtp)
    {
        if (smtp is null)
        {
            foreach (var key in SmtpGlobals)
            {
                global.Remove(key);
            }

            return;
        }

        SetIfGiven(global, "smtp_smarthost", smtp.Smarthost);
        SetIfGiven(global, "smtp_from", smtp.From);
        SetIfGiven(global, "smtp_auth_username", smtp.Username);
        global.Remove("smtp_auth_password_file");
        global.Children[new YamlScalarNode("smtp_auth_password")] = YamlDocuments.Quoted(smtp.Password);
    }

    private static void ApplySlack(YamlMappingNode global, AlertmanagerSlackSettings? slack)
    {
        global.Remove("slack_api_url_file");
        if (slack is null)
        {
            global.Remove("slack_api_url");
            return;
        }

        global.Children[new YamlScalarNode("slack_api_url")] = YamlDocuments.Quoted(slack.WebhookUrl.AbsoluteUri);
    }

    private static void SetIfGiven(YamlMappingNode node, string key, string? value)
    {
        if (value is not null)
        {
            node.Children[new YamlScalarNode(key)] = YamlDocuments.Quoted(value);
        }
    }

    private static void ResolveTemplatePaths(YamlMappingNode root, string templateDirectory)
    {
        if (root.Sequence("templates") is not { } templates)
        {
            return;
        }

        var resolved = templates.Children
            .OfType<YamlScalarNode>()
            .Select(path => YamlDocuments.Quoted(Path.GetFullPath(path.Value ?? string.Empty, templateDirectory)));
        root.Children[new YamlScalarNode("templates")] = new YamlSequenceNode(resolved);
    }

    private static void CompressTimings(YamlMappingNode root, YamlMappingNode global, MonitoringTimeScale scale)
    {
        CompressScalar(global, "resolve_timeout", scale);
        if (root.Mapping("route") is { } route)
        {
            CompressRoute(route, scale);
        }
    }

    private static void CompressRoute(YamlMappingNode route, MonitoringTimeScale scale)
    {
        foreach (var key in RouteTimings)
        {
            CompressScalar(route, key, scale);
        }

        foreach (var child in route.Sequence("routes").Mappings())
        {
            CompressRoute(child, scale);
        }
    }

    private static void CompressScalar(YamlMappingNode node, string key, MonitoringTimeScale scale)
    {
        if (node.Scalar(key) is { } text)
        {
            var duration = PrometheusDuration.TryParse(text, out var parsed)
                ? parsed
                : throw new InvalidDataException($"'{key}: {text}' in the Alertmanager template is not a duration.");
            node.SetScalar(key, PrometheusDuration.Format(scale.CompressInterval(duration)));
        }
    }
}
