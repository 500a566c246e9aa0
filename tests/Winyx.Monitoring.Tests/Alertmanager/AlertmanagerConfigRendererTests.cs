using System.Runtime.Versioning;
using Winyx.Hosting.Monitoring;
using Winyx.Monitoring.Tests.Infrastructure;
using Winyx.Testing;

namespace Winyx.Monitoring.Tests.Alertmanager;

public sealed class AlertmanagerConfigRendererTests
{
    private static readonly Uri Webhook = new("http://127.0.0.1:18888/api/alerts/webhook");
    private const string SmtpPassword = "smtp-s3cret-value";
    private const string SlackUrl = "https://hooks.slack.com/services/T000/B000/slack-s3cret";
    private const string WebhookToken = "webhook-s3cret-token";

    public static TheoryData<string> Variants() => ["webhook", "email", "slack", "everything"];

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task AmtoolAcceptsEveryRenderedVariant(string variant)
    {
        var directory = TestDirectories.Create("am-config");
        try
        {
            var path = Path.Combine(directory, "alertmanager.yml");
            Render(Request(variant)).WriteTo(path);

            var result = await Tool.RunAsync("amtool", ["check-config", path]);

            Assert.True(result.ExitCode == 0, result.Output);
        }
        finally
        {
            TestDirectories.Delete(directory);
        }
    }

    [Fact]
    public void WithoutSecretsEveryReceiverHasOnlyTheWebhook()
    {
        var rendered = Render(Request("webhook"));
        var config = Parse(rendered);

        Assert.Equal(["default", "critical", "database-team", "business-team"], rendered.Receivers);
        Assert.All(config.Receivers, receiver =>
        {
            Assert.Equal([Webhook.AbsoluteUri], receiver.WebhookConfigs.Select(webhook => webhook.Url));
            Assert.Empty(receiver.EmailConfigs);
            Assert.Empty(receiver.SlackConfigs);
        });
        Assert.DoesNotContain("smtp_", rendered.Yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("slack_api_url", rendered.Yaml, StringComparison.Ordinal);
        Assert.False(rendered.ContainsSecrets);
    }

    [Fact]
    public void SmtpCredentialsBringTheSeedsEmailReceivers()
    {
        var rendered = Render(Request("email"));
        var config = Parse(rendered);

        Assert.Equal(SmtpPassword, config.Global["smtp_auth_password"]);
        Assert.Equal("smtp.gmail.com:587", config.Global["smtp_smarthost"]);
        Assert.Equal(["admin@winyx.jp", "oncall@winyx.jp", "db-team@winyx.jp", "business@winyx.jp"], config.Receivers.SelectMany(r => r.EmailConfigs).Select(e => e.To));
        Assert.All(config.Receivers, receiver => Assert.Empty(receiver.SlackConfigs));
        Assert.True(rendered.ContainsSecrets);
    }

    [Fact]
    public void SlackUrlBringsTheCriticalSlackChannel()
    {
        var config = Parse(Render(Request("slack")));

        Assert.Equal(SlackUrl, config.Global["slack_api_url"]);
        Assert.Equal("#alerts-critical", config.Receivers.Single(r => r.Name == "critical").SlackConfigs.Single().Channel);
        Assert.All(config.Receivers, receiver => Assert.Empty(receiver.EmailConfigs));
    }

    [Fact]
    public void BearerTokenIsSentWithEveryWebhook()
    {
        var config = Parse(Render(Request("everything")));

        Assert.All(
            config.Receivers.SelectMany(receiver => receiver.WebhookConfigs),
            webhook => Assert.Equal(WebhookToken, webhook.HttpConfig?.Authorization.Credentials));
    }

    [Fact]
    public void SecretsNeverAppearInToString()
    {
        var request = Request("everything");
        var rendered = Render(request);

        var texts = new[] { request.ToString(), request.Smtp!.ToString(), request.Slack!.ToString(), rendered.ToString() };

        Assert.All(texts, text =>
        {
            Assert.DoesNotContain(SmtpPassword, text, StringComparison.Ordinal);
            Assert.DoesNotContain("slack-s3cret", text, StringComparison.Ordinal);
            Assert.DoesNotContain(WebhookToken, text, StringComparison.Ordinal);
        });
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void WriteToCreatesAFileOnlyItsOwnerCanRead()
    {
        var directory = TestDirectories.Create("am-secret");
        try
        {
            var path = Path.Combine(directory, "alertmanager.yml");
            File.WriteAllText(path, "old");
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

            Render(Request("email")).WriteTo(path);

            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            Assert.Contains(SmtpPassword, File.ReadAllText(path), StringComparison.Ordinal);
        }
        finally
        {
            TestDirectories.Delete(directory);
        }
    }

    [Fact]
    public void TemplatePathsBecomeAbsolute()
    {
        var config = Parse(Render(Request("webhook")));

        Assert.Equal([Path.Combine(MonitoringLayout.AlertmanagerTemplatesDirectory, "*.tmpl")], config.Templates);
    }

    [Fact]
    public void TimeScaleDividesTheRoutingTimings()
    {
        var config = Parse(Render(Request("webhook") with { TimeScale = new MonitoringTimeScale(60) }));

        // 10s / 60 is raised to the 1s minimum interval; 1h / 60 = 1m; 5m / 60 = 5s.
        Assert.Equal("1s", config.Route.GroupWait);
        Assert.Equal("1s", config.Route.GroupInterval);
        Assert.Equal("1m", config.Route.RepeatInterval);
        Assert.Equal("5s", config.Global["resolve_timeout"]);
    }

    [Fact]
    public void KeepsTheSeedsRoutingTreeAndInhibition()
    {
        var config = Parse(Render(Request("webhook")));

        Assert.Equal(["alertname", "cluster", "service"], config.Route.GroupBy);
        Assert.Equal("default", config.Route.Receiver);
        Assert.Equal(["critical", "database-team", "business-team"], config.Route.Routes.Select(route => route.Receiver));
        Assert.Equal([true, true, false], config.Route.Routes.Select(route => route.Continue));
        var inhibit = config.InhibitRules.Single();
        Assert.Equal(["severity=\"critical\""], inhibit.SourceMatchers);
        Assert.Equal(["severity=\"warning\""], inhibit.TargetMatchers);
    }

    [Fact]
    public void RejectsATemplateWithAReceiverThatSkipsTheWebhook()
    {
        var directory = TestDirectories.Create("am-bad");
        try
        {
            var template = Path.Combine(directory, "alertmanager.yml");
            File.WriteAllText(template, "route:\n  receiver: silent\nreceivers:\n  - name: silent\n    email_configs:\n      - to: a@b.c\n");

            var error = Assert.Throws<InvalidDataException>(() => AlertmanagerConfigRenderer.Render(new AlertmanagerRenderRequest(template, Webhook)));

            Assert.Contains("Receiver 'silent'", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            TestDirectories.Delete(directory);
        }
    }

    [Fact]
    public void RejectsARelativeWebhookUrl()
    {
        var request = new AlertmanagerRenderRequest(MonitoringLayout.AlertmanagerTemplate, new Uri("/api/alerts/webhook", UriKind.Relative));

        Assert.Throws<ArgumentException>(() => AlertmanagerConfigRenderer.Render(request));
    }

    private static AlertmanagerRenderRequest Request(string variant)
    {
        var request = new AlertmanagerRenderRequest(MonitoringLayout.AlertmanagerTemplate, Webhook);
        var smtp = new AlertmanagerSmtpSettings(SmtpPassword);
        var slack = new AlertmanagerSlackSettings(new Uri(SlackUrl));
        return variant switch
        {
            "email" => request with { Smtp = smtp },
            "slack" => request with { Slack = slack },
            "everything" => request with { Smtp = smtp, Slack = slack, WebhookBearerToken = WebhookToken },
            _ => request,
        };
    }

    private static RenderedAlertmanagerConfig Render(AlertmanagerRenderRequest request) => AlertmanagerConfigRenderer.Render(request);

    private static AlertmanagerConfigDto Parse(RenderedAlertmanagerConfig rendered) => Yaml.Parse<AlertmanagerConfigDto>(rendered.Yaml);

    private sealed class AlertmanagerConfigDto
    {
        public Dictionary<string, string> Global { get; set; } = [];

        public List<string> Templates { get; set; } = [];

        public RouteDto Route { get; set; } = new();

        public List<InhibitRuleDto> InhibitRules { get; set; } = [];

        public List<ReceiverDto> Receivers { get; set; } = [];
    }

    private sealed class RouteDto
    {
        public string? Receiver { get; set; }

        public List<string> GroupBy { get; set; } = [];

        public string? GroupWait { get; set; }

        public string? GroupInterval { get; set; }

        public string? RepeatInterval { get; set; }

        public bool Continue { get; set; }

        public List<RouteDto> Routes { get; set; } = [];
    }

    private sealed class InhibitRuleDto
    {
        public List<string> SourceMatchers { get; set; } = [];

        public List<string> TargetMatchers { get; set; } = [];
    }

    private sealed class ReceiverDto
    {
        public string Name { get; set; } = string.Empty;

        public List<WebhookDto> WebhookConfigs { get; set; } = [];

        public List<EmailDto> EmailConfigs { get; set; } = [];

        public List<SlackDto> SlackConfigs { get; set; } = [];
    }

    private sealed class WebhookDto
    {
        public string Url { get; set; } = string.Empty;

        public HttpConfigDto? HttpConfig { get; set; }
    }

    private sealed class HttpConfigDto
    {
        public AuthorizationDto Authorization { get; set; } = new();
    }

    private sealed class AuthorizationDto
    {
        public string Credentials { get; set; } = string.Empty;
    }

    private sealed class EmailDto
    {
        public string To { get; set; } = string.Empty;
    }

    private sealed class SlackDto
    {
        public string Channel { get; set; } = string.Empty;
    }
}
