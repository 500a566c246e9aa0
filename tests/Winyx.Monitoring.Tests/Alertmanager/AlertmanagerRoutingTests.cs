using Winyx.Monitoring.Tests.Infrastructure;
using Winyx.Testing;

namespace Winyx.Monitoring.Tests.Alertmanager;

/// <summary>
/// The routing tree of <c>monitoring/alertmanager/alertmanager.yml</c> against amtool: every alert
/// tier of the rule files (with the labels the rule gives it) reaches exactly the receivers that
/// <c>monitoring/alertmanager/tests/routes.yml</c> expects.
/// </summary>
public sealed class AlertmanagerRoutingTests
{
    public static TheoryData<string, string, string> RouteCases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var routeCase in Yaml.Read<RouteCasesDto>(MonitoringLayout.RouteCases).Cases)
        {
            data.Add(routeCase.Alert, routeCase.Severity, string.Join(',', routeCase.Receivers));
        }

        return data;
    }

    [Fact]
    public async Task AmtoolAcceptsTheTemplate()
    {
        var result = await Tool.RunAsync("amtool", ["check-config", MonitoringLayout.AlertmanagerTemplate]);

        Assert.True(result.ExitCode == 0, result.Output);
    }

    [Theory]
    [MemberData(nameof(RouteCases))]
    public async Task AlertReachesItsExpectedReceivers(string alert, string severity, string receivers)
    {
        var rule = RuleCatalog.Alerts.FirstOrDefault(rule => rule.Name == alert && rule.Severity == severity);
        Assert.True(rule is not null, $"routes.yml lists {alert} ({severity}), which no rule file defines.");
        var labels = rule.Rule.Labels.Append(new("alertname", alert)).Select(label => $"{label.Key}={label.Value}");

        var result = await Tool.RunAsync("amtool", ["config", "routes", "test", $"--config.file={MonitoringLayout.AlertmanagerTemplate}", .. labels]);

        Assert.True(result.ExitCode == 0, result.Output);
        var resolved = result.Output.Split('\n').Last(line => line.Length > 0 && !line.StartsWith("Warning", StringComparison.Ordinal)).Trim();
        Assert.Equal(receivers.Split(',').Order(), resolved.Split(',').Order());
    }

    [Fact]
    public void EveryAlertTierHasARoutingCase()
    {
        var cases = Yaml.Read<RouteCasesDto>(MonitoringLayout.RouteCases).Cases.Select(c => (c.Alert, c.Severity)).ToHashSet();

        var missing = RuleCatalog.AlertTiers.Where(tier => !cases.Contains(tier)).ToList();

        Assert.True(missing.Count == 0, $"Alerts without a case in monitoring/alertmanager/tests/routes.yml: {string.Join(", ", missing)}");
    }

    [Fact]
    public void EveryReceiverIsReachedBySomeAlert()
    {
        var reached = Yaml.Read<RouteCasesDto>(MonitoringLayout.RouteCases).Cases.SelectMany(c => c.Receivers).ToHashSet();

        Assert.Equal(["business-team", "critical", "database-team", "default"], reached.Order());
    }

    [Fact]
    public async Task NotificationTemplatesRenderAnAlertsSummaryDescriptionAndZone()
    {
        var directory = TestDirectories.Create("am-template");
        try
        {
            var data = Path.Combine(directory, "data.json");
            await File.WriteAllTextAsync(data, SampleNotification);

            var result = await Tool.RunAsync("amtool", [
                "template", "render",
                $"--template.glob={Path.Combine(MonitoringLayout.AlertmanagerTemplatesDirectory, "*.tmpl")}",
                $"--template.data={data}",
                "--template.text={{ template \"custom.email.subject\" . }}|{{ template \"custom.email.text\" . }}|{{ template \"custom.slack.text\" . }}",
            ]);

            Assert.True(result.ExitCode == 0, result.Output);
            Assert.Contains("[FIRING:1] MySQLDown (mysql)", result.Output, StringComparison.Ordinal);
            Assert.Contains("The MySQL exporter at 127.0.0.1:9104 has not been able to reach the database for 1 minute.", result.Output, StringComparison.Ordinal);
            Assert.Contains("*Severity:* critical", result.Output, StringComparison.Ordinal);
            Assert.Contains("2024-01-02 03:04:05 UTC", result.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("JST", result.Output, StringComparison.Ordinal);
        }
        finally
        {
            TestDirectories.Delete(directory);
        }
    }

    private const string SampleNotification = """
        {
          "receiver": "critical",
          "status": "firing",
          "alerts": [{
            "status": "firing",
            "labels": {"alertname": "MySQLDown", "severity": "critical", "component": "database", "service": "mysql", "instance": "127.0.0.1:9104"},
            "annotations": {"summary": "MySQL down", "description": "The MySQL exporter at 127.0.0.1:9104 has not been able to reach the database for 1 minute."},
            "startsAt": "2024-01-02T03:04:05Z",
            "endsAt": "0001-01-01T00:00:00Z",
            "generatorURL": "http://127.0.0.1:9091/graph"
          }],
          "groupLabels": {"alertname": "MySQLDown", "service": "mysql"},
          "commonLabels": {"alertname": "MySQLDown"},
          "commonAnnotations": {},
          "externalURL": "http://127.0.0.1:9093"
        }
        """;

    private sealed class RouteCasesDto
    {
        public List<RouteCaseDto> Cases { get; set; } = [];
    }

    private sealed class RouteCaseDto
    {
        public string Alert { get; set; } = string.Empty;

        public string Severity { get; set; } = string.Empty;

        public List<string> Receivers { get; set; } = [];
    }
}
